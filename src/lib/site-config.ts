/**
 * Site settings, read once from the environment so a team can build its own content with stepdocs
 * without editing code. Everything has a default that builds this repository's own site.
 */
export interface SiteConfig {
  /** Name in the header and in page titles. */
  title: string;
  /** Absolute URL the site is served from, for canonical links and the sitemap. */
  site: string;
  /** Path prefix the site lives under, always starting and ending with `/` (e.g. `/docs/`). */
  base: string;
  /** Folder of versioned content (`<contentDir>/<version>/…`), relative to the project root or absolute. */
  contentDir: string;
  /** Prefix of "Edit this page" links, up to the content folder; the guide's path in the content folder is appended. Empty hides the link. */
  editUrl: string;
  /** Whether the build writes a search index and pages offer search (off: faster preview builds, or a site that does not want search). */
  search: boolean;
}

type Env = Record<string, string | undefined>;

export function readSiteConfig(env: Env): SiteConfig {
  return {
    title: env.STEPDOCS_TITLE?.trim() || 'stepdocs',
    site: normaliseSite(env.STEPDOCS_SITE?.trim() || 'https://stepdocs.example'),
    base: normaliseBase(env.STEPDOCS_BASE ?? '/'),
    contentDir: env.STEPDOCS_CONTENT_DIR?.trim() || 'content',
    editUrl: env.STEPDOCS_EDIT_URL?.trim() ?? 'https://github.com/stepdocs/stepdocs/edit/main/content/',
    search: onOff('STEPDOCS_SEARCH', env.STEPDOCS_SEARCH, true),
  };
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  const word = value?.trim().toLowerCase() ?? '';
  if (word === '') return fallback;
  if (word === 'on') return true;
  if (word === 'off') return false;
  throw new Error(`${name}: \`${value}\` is neither \`on\` nor \`off\``);
}

/** `docs`, `/docs`, `/docs/` all mean `/docs/`; empty means `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function normaliseSite(site: string): string {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new Error(`STEPDOCS_SITE: \`${site}\` is not an absolute URL; expected e.g. \`https://docs.example.com\``);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`STEPDOCS_SITE: \`${site}\` is not an http(s) URL; expected e.g. \`https://docs.example.com\``);
  }
  return url.origin;
}
