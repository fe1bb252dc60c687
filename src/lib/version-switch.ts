/**
 * Where the version switcher sends a reader: the same page in the other version when it exists
 * (under the same path, or under the path it moved to or from: a page's `redirectFrom` says where it
 * was), else the nearest parent page that does, else that version's home, and whether it is the same page.
 */
import type { Version } from './versions.ts';
import { pagePath } from './routes.ts';

export interface SwitchTarget {
  version: Version;
  /** Path below the site base: `1.0/jumpcloud/`. */
  path: string;
  /** `same` page, a `parent` page, or the version `home`. */
  match: 'same' | 'parent' | 'home';
}

/** How pages moved: the former paths of the page being read, and in each version, former path → the page's path now. */
export interface Moves {
  formerSlugs?: readonly string[];
  movedByVersion?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * @param slug the page being read, inside its version (`jumpcloud`, `idp/okta`; `''` for a home)
 * @param pagesByVersion page slugs present in each version
 */
export function switchTargets(
  slug: string,
  versions: readonly Version[],
  pagesByVersion: ReadonlyMap<string, ReadonlySet<string>>,
  moves: Moves = {},
): SwitchTarget[] {
  return versions.map((version) =>
    switchTarget(slug, version, pagesByVersion.get(version.id) ?? new Set(), {
      formerSlugs: moves.formerSlugs ?? [],
      moved: moves.movedByVersion?.get(version.id) ?? new Map(),
    }),
  );
}

export function switchTarget(
  slug: string,
  version: Version,
  pages: ReadonlySet<string>,
  moves: { formerSlugs: readonly string[]; moved: ReadonlyMap<string, string> } = { formerSlugs: [], moved: new Map() },
): SwitchTarget {
  if (slug === '') return { version, path: `${version.id}/`, match: 'same' };
  if (pages.has(slug)) return { version, path: pagePath(version.id, slug), match: 'same' };
  const movedTo = moves.moved.get(slug);
  if (movedTo !== undefined && pages.has(movedTo)) return { version, path: `${version.id}/${movedTo}/`, match: 'same' };
  const former = moves.formerSlugs.find((candidate) => pages.has(candidate));
  if (former !== undefined) return { version, path: `${version.id}/${former}/`, match: 'same' };
  const parts = slug.split('/');
  for (let length = parts.length - 1; length > 0; length -= 1) {
    const parent = parts.slice(0, length).join('/');
    if (pages.has(parent)) return { version, path: `${version.id}/${parent}/`, match: 'parent' };
  }
  return { version, path: `${version.id}/`, match: 'home' };
}
