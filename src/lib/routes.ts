/**
 * The route table: where every guide is served. Pages, navigation, the sitemap and the link checker
 * all derive URLs here, so a guide has exactly one address per version.
 */
import { normaliseBase } from './site-config.ts';
import { CURRENT_ALIAS, currentVersion, findVersion, type Version } from './versions.ts';

export interface GuideRef {
  /** Content id: path below the content folder without extension, e.g. `latest/jumpcloud`. */
  id: string;
}

export interface GuideAddress {
  version: Version;
  /** Path of the page inside its version, e.g. `jumpcloud` or `idp/okta`; `''` for the version home. */
  slug: string;
}

/** Splits a content id into its version and page slug; `index` files become their folder's page. */
export function addressOf(id: string, versions: readonly Version[]): GuideAddress {
  const [versionId, ...rest] = id.split('/');
  const version = findVersion(versionId ?? '', versions);
  if (!version) {
    const known = versions.map((candidate) => `\`${candidate.id}\``).join(', ');
    throw new Error(`Content file \`${id}\` is in folder \`${versionId}\`, which is not a declared version; expected one of ${known}.`);
  }
  const parts = rest.filter((part) => part !== '');
  if (parts.at(-1) === 'index') parts.pop();
  return { version, slug: parts.join('/') };
}

/** Path below the site base, with a trailing slash: `latest/jumpcloud/`. */
export function guidePath(address: GuideAddress): string {
  return pagePath(address.version.id, address.slug);
}

/** The path of a page of a version: (`1.0`, `idp/okta`) → `1.0/idp/okta/`; (`1.0`, ``) → `1.0/`. */
export function pagePath(versionId: string, slug: string): string {
  return slug === '' ? `${versionId}/` : `${versionId}/${slug}/`;
}

/** The current-version alias of a versioned path: `2026.1/jumpcloud/` → `latest/jumpcloud/`. */
export function aliasPath(path: string): string {
  return `${CURRENT_ALIAS}/${path.slice(path.indexOf('/') + 1)}`;
}

/**
 * Whether the guides of `version` are also served at the stable alias, `latest/<slug>/`: those of the
 * current version, unless the current version is itself called `latest`.
 */
export function hasCurrentAlias(version: Version, versions: readonly Version[]): boolean {
  return version.id === currentVersion(versions).id && version.id !== CURRENT_ALIAS;
}

/** Whether a path below the site base (`latest/jumpcloud/`) is a guide's alias page rather than its versioned page. */
export function isCurrentAliasPath(path: string, versions: readonly Version[]): boolean {
  const [first, ...rest] = path.replace(/^\/+/, '').split('/');
  return first === CURRENT_ALIAS && rest.some((part) => part !== '') && hasCurrentAlias(currentVersion(versions), versions);
}

/**
 * The "Edit this page" link of a guide: the prefix (up to the content folder of the repository the
 * guides live in) and the guide's path in that folder, `latest/jumpcloud.mdx`. Paths are taken
 * from the content folder, not the project, so a content folder kept in its own repository gets
 * links into that repository. Undefined when the prefix is empty.
 */
export function editLink(prefix: string, id: string, filePath: string | undefined): string | undefined {
  if (prefix === '' || filePath === undefined) return undefined;
  return `${prefix}${id}${/\.mdx?$/.exec(filePath)?.[0] ?? '.mdx'}`;
}

/** Joins the site base and a path below it: (`/docs/`, `latest/x/`) → `/docs/latest/x/`. */
export function withBase(base: string, path: string): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** The path below the site base, `withBase` undone: (`/docs/`, `/docs/latest/x/`) → `latest/x/`; a path outside the base only loses its leading slashes. */
export function pathBelowBase(base: string, path: string): string {
  const clean = normaliseBase(base);
  return path.startsWith(clean) ? path.slice(clean.length) : path.replace(/^\/+/, '');
}

export { ROUTES } from './site-routes.ts';
import { ROUTES } from './site-routes.ts';

export const STATIC_ROUTES = Object.values(ROUTES);

/** The pages listed in sitemap.xml besides the guides and version homes, in their order there. */
export const SITEMAP_ROUTES = [ROUTES.home, ROUTES.writingGuides, ROUTES.embedding, ROUTES.rules, ROUTES.metadataRules] as const;

/** The absolute URL of a path below the base: (`https://docs.example`, `/docs/`, `rules/`) → `https://docs.example/docs/rules/`. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/** Folders the build writes beside the pages: the search index, the embeddable widgets' scripts. */
export const GENERATED_FOLDERS = ['pagefind/', 'widgets/'] as const;

/**
 * True when a version id would take a path the site already uses (`/sitemap.xml`, `/pagefind/`,
 * `/embed/…`): its pages would overwrite those files or be dropped.
 */
export function isReservedVersionId(id: string): boolean {
  const taken = [...STATIC_ROUTES, ...GENERATED_FOLDERS, '404'].map((route) => route.split('/')[0]!).filter(Boolean);
  return taken.includes(id);
}
