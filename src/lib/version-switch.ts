/**
 * Where the version switcher sends a reader: the same page in the other version when it exists,
 * else the nearest parent page that does, else that version's home, and whether it is the same page.
 */
import type { Version } from './versions.ts';

export interface SwitchTarget {
  version: Version;
  /** Path below the site base: `1.0/jumpcloud/`. */
  path: string;
  /** `same` page, a `parent` page, or the version `home`. */
  match: 'same' | 'parent' | 'home';
}

/**
 * @param slug the page being read, inside its version (`jumpcloud`, `idp/okta`; `''` for a home)
 * @param pagesByVersion page slugs present in each version
 */
export function switchTargets(slug: string, versions: readonly Version[], pagesByVersion: ReadonlyMap<string, ReadonlySet<string>>): SwitchTarget[] {
  return versions.map((version) => switchTarget(slug, version, pagesByVersion.get(version.id) ?? new Set()));
}

export function switchTarget(slug: string, version: Version, pages: ReadonlySet<string>): SwitchTarget {
  if (slug === '') return { version, path: `${version.id}/`, match: 'same' };
  if (pages.has(slug)) return { version, path: `${version.id}/${slug}/`, match: 'same' };
  const parts = slug.split('/');
  for (let length = parts.length - 1; length > 0; length -= 1) {
    const parent = parts.slice(0, length).join('/');
    if (pages.has(parent)) return { version, path: `${version.id}/${parent}/`, match: 'parent' };
  }
  return { version, path: `${version.id}/`, match: 'home' };
}
