/**
 * Redirects: old paths that keep working after a page moves. Declared in a page's frontmatter
 * (`redirectFrom: [jumpcloud]`, a path inside the page's version, or `/old/site/path` from the site
 * base) and in the site configuration (`redirects`: old path → page path or absolute URL). Pure:
 * the build writes what this computes, and `npm run check` reports what it finds.
 */
import { splitLines } from './text-position.ts';
import { escapeHtml } from './escape-html.ts';
import type { Finding, Place } from './findings.ts';
import { addressOf, aliasPath, guidePath, hasCurrentAlias, STATIC_ROUTES, withBase } from './routes.ts';
import { closest } from './text-distance.ts';
import { CURRENT_ALIAS, type Version } from './versions.ts';

export interface RedirectPage {
  /** Content id: `latest/identity-providers/jumpcloud`. */
  id: string;
  file: string;
  redirectFrom: ReadonlyArray<{ path: string; place: Place }>;
  /** Ids a `#fragment` may name on the page. */
  anchors: readonly string[];
}

export interface Redirect {
  /** Old path below the site base, with a trailing slash: `latest/jumpcloud/`. */
  from: string;
  /** Target: a path below the site base (`latest/identity-providers/jumpcloud/#step`), or an absolute URL. */
  to: string;
  /** Where it is declared, for findings. */
  file: string;
  place?: Place;
}

export type RedirectRuleId =
  | 'redirects/invalid-path'
  | 'redirects/duplicate-source'
  | 'redirects/shadows-page'
  | 'redirects/missing-target'
  | 'redirects/missing-anchor'
  | 'redirects/chain'
  | 'redirects/loop';

const EXTERNAL = /^https?:\/\//i;

/** `/a/b`, `a/b/`, `a/b` → `a/b/`; the site root is `''`. */
export function normaliseRedirectPath(path: string): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

function invalidReason(path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return 'is a URL; an old path is a path below the site base, e.g. `jumpcloud`';
  if (/[?#]/.test(path)) return 'has a query or fragment; write the path alone';
  if (path.split('/').some((part) => part === '..' || part === '.')) return 'has `.` or `..` segments; write the path as it appears in the old URL';
  if (path.trim() === '' || path.trim() === '/') return 'is empty';
  return undefined;
}

/** Every redirect the pages and the configuration declare, and the paths that are not valid old paths. */
export function collectRedirects(
  pages: readonly RedirectPage[],
  config: { redirects: Record<string, string>; file: string; text?: string | undefined },
  versions: readonly Version[],
): { redirects: Redirect[]; findings: Finding[] } {
  const redirects: Redirect[] = [];
  const findings: Finding[] = [];
  for (const page of pages) {
    let address: ReturnType<typeof addressOf>;
    try {
      address = addressOf(page.id, versions);
    } catch {
      continue;
    }
    for (const entry of page.redirectFrom) {
      const invalid = invalidReason(entry.path);
      if (invalid) {
        findings.push(
          finding(
            'redirects/invalid-path',
            `Old path \`${entry.path}\` ${invalid}`,
            page.file,
            entry.place,
            'Write the path of the old page inside this version (`jumpcloud`), or from the site base with a leading slash (`/sso/jumpcloud`).',
          ),
        );
        continue;
      }
      const siteLevel = entry.path.trim().startsWith('/');
      const old = normaliseRedirectPath(entry.path);
      const target = guidePath(address);
      redirects.push({ from: siteLevel ? old : `${address.version.id}/${old}`, to: target, file: page.file, place: entry.place });
      if (!siteLevel && hasCurrentAlias(address.version, versions))
        redirects.push({ from: `${CURRENT_ALIAS}/${old}`, to: `${CURRENT_ALIAS}/${address.slug}/`, file: page.file, place: entry.place });
    }
  }
  for (const [from, to] of Object.entries(config.redirects)) {
    const place = config.text === undefined ? undefined : jsonKeyPlace(config.text, from);
    const invalid = invalidReason(from);
    if (invalid) {
      findings.push(
        finding('redirects/invalid-path', `Old path \`${from}\` ${invalid}`, config.file, place, 'Use paths below the site base as keys of `redirects`.'),
      );
      continue;
    }
    const [path, fragment] = to.split('#') as [string, string | undefined];
    redirects.push({
      from: normaliseRedirectPath(from),
      to: EXTERNAL.test(to) ? to : `${normaliseRedirectPath(path)}${fragment ? `#${fragment}` : ''}`,
      file: config.file,
      ...(place ? { place } : {}),
    });
  }
  return { redirects, findings };
}

/** Where `"key":` is written in a JSON text, for findings about a configuration entry. */
export function jsonKeyPlace(text: string, key: string): Place | undefined {
  const offset = text.search(new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`));
  if (offset === -1) return undefined;
  const before = splitLines(text.slice(0, offset));
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Every path the site serves (below the base) and the anchors of each page (undefined: a page
 * whose anchors are not known, such as the site's own pages).
 */
export function siteRoutes(pages: readonly RedirectPage[], versions: readonly Version[]): Map<string, readonly string[] | undefined> {
  const routes = new Map<string, readonly string[] | undefined>();
  for (const route of STATIC_ROUTES) routes.set(route, undefined);
  for (const version of versions) routes.set(`${version.id}/`, undefined);
  routes.set(`${CURRENT_ALIAS}/`, undefined);
  for (const page of pages) for (const route of routesOfPage(page.id, versions)) routes.set(route, page.anchors);
  return routes;
}

/** The paths a page is served at: its versioned path, and its `latest/` alias when it has one. */
export function routesOfPage(id: string, versions: readonly Version[]): string[] {
  let address: ReturnType<typeof addressOf>;
  try {
    address = addressOf(id, versions);
  } catch {
    return [];
  }
  const path = guidePath(address);
  return hasCurrentAlias(address.version, versions) ? [path, aliasPath(path)] : [path];
}

/** Redirects that cannot work: to nowhere, to a missing anchor, through another redirect, in a loop, over a real page, or declared twice. */
export function checkRedirects(redirects: readonly Redirect[], routes: ReadonlyMap<string, readonly string[] | undefined>): Finding[] {
  const findings: Finding[] = [];
  const bySource = new Map<string, Redirect>();
  for (const redirect of redirects) {
    const earlier = bySource.get(redirect.from);
    if (earlier && earlier.to !== redirect.to) {
      findings.push(
        finding(
          'redirects/duplicate-source',
          `Old path \`${redirect.from}\` already redirects to \`${earlier.to}\` (${earlier.file}${earlier.place ? `:${earlier.place.line}` : ''})`,
          redirect.file,
          redirect.place,
          'An old path can lead to one page only: remove one of the two.',
        ),
      );
      continue;
    }
    bySource.set(redirect.from, redirect);
    if (routes.has(redirect.from))
      findings.push(
        finding(
          'redirects/shadows-page',
          `Old path \`${redirect.from}\` is a page of the site; a redirect there would hide it`,
          redirect.file,
          redirect.place,
          'Remove the redirect, or move the page away from that path first.',
        ),
      );
  }
  for (const redirect of bySource.values()) {
    if (EXTERNAL.test(redirect.to)) continue;
    const [path, fragment] = redirect.to.split('#') as [string, string | undefined];
    const next = bySource.get(path);
    if (next) {
      const loop = follow(redirect, bySource);
      findings.push(
        loop
          ? finding(
              'redirects/loop',
              `Redirect \`${redirect.from}\` → \`${path}\` leads back to itself (${loop.join(' → ')})`,
              redirect.file,
              redirect.place,
              'Point every old path straight at the page that exists.',
            )
          : finding(
              'redirects/chain',
              `Redirect \`${redirect.from}\` → \`${path}\` leads to another redirect (→ \`${next.to}\`)`,
              redirect.file,
              redirect.place,
              `Point it straight at \`${next.to}\`: each hop costs readers a page load.`,
            ),
      );
      continue;
    }
    if (!routes.has(path)) {
      const suggestion = closest(path, [...routes.keys()]);
      findings.push(
        finding(
          'redirects/missing-target',
          `Redirect \`${redirect.from}\` points at \`${path}\`, which is no page of the site${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
          redirect.file,
          redirect.place,
          'Point it at a page path below the site base, e.g. `latest/identity-providers/jumpcloud/`.',
        ),
      );
      continue;
    }
    const anchors = routes.get(path);
    if (fragment && anchors && !anchors.includes(fragment)) {
      const suggestion = closest(fragment, anchors);
      findings.push(
        finding(
          'redirects/missing-anchor',
          `Redirect \`${redirect.from}\` points at \`#${fragment}\`, which \`${path}\` does not have${suggestion ? `; did you mean \`#${suggestion}\`?` : ''}`,
          redirect.file,
          redirect.place,
          'Use the id of a heading or step of that page.',
        ),
      );
    }
  }
  // One declaration gives a versioned redirect and its `latest/` alias: one finding each is enough.
  const seen = new Set<string>();
  return findings.filter((entry) => {
    const key = `${entry.ruleId} ${entry.file}:${entry.place?.line ?? 0}`;
    if (entry.place === undefined || !seen.has(key)) {
      seen.add(key);
      return true;
    }
    return false;
  });
}

/** The old paths from `start` on, when following them comes back to one already seen. */
function follow(start: Redirect, bySource: ReadonlyMap<string, Redirect>): string[] | undefined {
  const seen = [start.from];
  let current: Redirect | undefined = start;
  while (current) {
    const path = current.to.split('#')[0]!;
    if (seen.includes(path)) return [...seen, path];
    seen.push(path);
    current = bySource.get(path);
  }
  return undefined;
}

function finding(ruleId: RedirectRuleId, reason: string, file: string, place: Place | undefined, note: string): Finding {
  return { ruleId, severity: 'error', reason, file, ...(place ? { place } : {}), note, source: 'stepdocs-redirects' };
}

/** The page written at an old path: an HTTP-equivalent refresh, a canonical link and a plain link, no script. */
export function redirectPageHtml(href: string, canonical: string): string {
  const target = escapeHtml(href);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta http-equiv="refresh" content="0; url=${target}">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This page has moved to <a href="${target}">${target}</a>.</p>
</body>
</html>
`;
}

/** Where a redirect leads, as a link from the site: below the base, or the absolute URL. */
export function redirectHref(redirect: Redirect, base: string): string {
  return EXTERNAL.test(redirect.to) ? redirect.to : withBase(base, redirect.to);
}

/** `_redirects`, the `from to 301` list static hosts (Netlify, Cloudflare Pages) read. */
export function redirectsFile(redirects: readonly Redirect[], base: string): string {
  const unique = new Map(redirects.map((redirect) => [redirect.from, redirect]));
  return [...unique.values()]
    .map((redirect) => `${withBase(base, redirect.from)} ${redirectHref(redirect, base)} 301`)
    .join('\n')
    .concat(unique.size > 0 ? '\n' : '');
}
