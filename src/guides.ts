/** Loads guides from the content collection and gives pages what they need: routes, navigation, outline. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { addressOf, guidePath, type GuideAddress } from './lib/routes';
import { versionNavigation, type NavSection } from './lib/navigation';
import { VERSIONS, type Version } from './lib/versions';

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

export function navigationFor(guides: readonly Guide[], version: Version): NavSection[] {
  return versionNavigation(
    guides.map((guide) => ({ id: guide.id, title: guide.data.title, section: guide.data.section, order: guide.data.order })),
    version,
    VERSIONS,
  );
}
