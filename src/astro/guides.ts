/** Loads guides from the content collection and gives pages what they need: routes, navigation, outline. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { addressOf, guidePath, type GuideAddress } from '../lib/routes';
import { versionNavigation, type NavSection } from '../lib/navigation';
import type { Version } from '../lib/versions';
import versionList from '@content/versions.json';
import { parseVersions } from '../lib/versions';

/** The declared versions, from `<contentDir>/versions.json`. */
export const VERSIONS: readonly Version[] = parseVersions(versionList);

export type Guide = CollectionEntry<'guides'>;

export async function allGuides(): Promise<Guide[]> {
  return getCollection('guides');
}

export function addressOfGuide(guide: Guide): GuideAddress {
  return addressOf(guide.id, VERSIONS);
}

export function pathOfGuide(guide: Guide): string {
  return guidePath(addressOfGuide(guide));
}

/*
 * Every page of a build gets the same guide list; what is derived from the whole list (navigation,
 * the version map) is computed once per list, not once per page, which kept builds quadratic.
 */
const navigationCache = new WeakMap<readonly Guide[], Map<string, NavSection[]>>();
const pagesCache = new WeakMap<readonly Guide[], Map<string, Set<string>>>();

export function navigationFor(guides: readonly Guide[], version: Version): NavSection[] {
  let byVersion = navigationCache.get(guides);
  if (!byVersion) {
    byVersion = new Map();
    navigationCache.set(guides, byVersion);
  }
  let sections = byVersion.get(version.id);
  if (!sections) {
    sections = versionNavigation(
      guides.map((guide) => ({ id: guide.id, title: guide.data.title, section: guide.data.section, order: guide.data.order })),
      version,
      VERSIONS,
    );
    byVersion.set(version.id, sections);
  }
  return sections;
}

const movesCache = new WeakMap<readonly Guide[], Map<string, Map<string, string>>>();

/** In each version, the former paths its pages declare (`redirectFrom` inside the version) → their path now. */
export function movesByVersion(guides: readonly Guide[]): Map<string, Map<string, string>> {
  let map = movesCache.get(guides);
  if (!map) {
    map = new Map();
    for (const guide of guides) {
      const address = addressOfGuide(guide);
      for (const former of formerSlugs(guide)) {
        const moved = map.get(address.version.id) ?? new Map<string, string>();
        moved.set(former, address.slug);
        map.set(address.version.id, moved);
      }
    }
    movesCache.set(guides, map);
  }
  return map;
}

/** A page's former paths inside its version (`redirectFrom` entries without a leading slash). */
export function formerSlugs(guide: Guide): string[] {
  return guide.data.redirectFrom.filter((path) => !path.trim().startsWith('/')).map((path) => path.trim().replace(/^\/+|\/+$/g, ''));
}

/** Page slugs present in each version, for the version switcher. */
export function pagesByVersion(guides: readonly Guide[]): Map<string, Set<string>> {
  let map = pagesCache.get(guides);
  if (!map) {
    map = new Map<string, Set<string>>(VERSIONS.map((version) => [version.id, new Set<string>()]));
    for (const guide of guides) {
      const address = addressOfGuide(guide);
      map.get(address.version.id)?.add(address.slug);
    }
    pagesCache.set(guides, map);
  }
  return map;
}
