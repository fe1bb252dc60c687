/** Redirects: what pages and the configuration declare, and every way a redirect can fail to work. */
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/lib/findings';
import { checkRedirects, collectRedirects, jsonKeyPlace, redirectPageHtml, redirectsFile, siteRoutes, type RedirectPage } from '../../src/lib/redirects';
import { parseVersions } from '../../src/lib/versions';

const versions = parseVersions([
  { id: '2.0', label: '2.0', status: 'current' },
  { id: '1.0', label: '1.0', status: 'supported' },
]);
const page = (id: string, redirectFrom: string[] = [], anchors: string[] = []): RedirectPage => ({
  id,
  file: `content/${id}.mdx`,
  redirectFrom: redirectFrom.map((path, index) => ({ path, place: { line: 3 + index, column: 1 } })),
  anchors,
});
const GOOD = [
  page('2.0/identity-providers/jumpcloud', ['jumpcloud', '/sso-connect-cloud/identity-providers/jumpcloud'], ['set-login-url']),
  page('2.0/overview'),
  page('1.0/jumpcloud'),
];

/** The findings, formatted as authors read them, for pages and configured redirects. */
function check(pages: RedirectPage[], redirects: Record<string, string> = {}): string[] {
  const text = JSON.stringify({ redirects }, null, 2);
  const collected = collectRedirects(pages, { redirects, file: 'stepdocs.config.json', text }, versions);
  return [...collected.findings, ...checkRedirects(collected.redirects, siteRoutes(pages, versions))].map(formatFinding);
}

describe('collectRedirects', () => {
  it('places frontmatter paths in the page version, adds the latest/ alias for the current version, and takes site paths as written', () => {
    const { redirects, findings } = collectRedirects(
      GOOD,
      { redirects: { 'old/': 'https://example.com/x', 'docs/a': '2.0/overview#top' }, file: 'stepdocs.config.json' },
      versions,
    );
    expect(findings).toEqual([]);
    expect(redirects.map((redirect) => `${redirect.from} → ${redirect.to}`)).toEqual([
      '2.0/jumpcloud/ → 2.0/identity-providers/jumpcloud/',
      'latest/jumpcloud/ → latest/identity-providers/jumpcloud/',
      'sso-connect-cloud/identity-providers/jumpcloud/ → 2.0/identity-providers/jumpcloud/',
      'old/ → https://example.com/x',
      'docs/a/ → 2.0/overview/#top',
    ]);
  });

  it('accepts a site that redirects correctly', () => {
    expect(check(GOOD, { 'sso/overview': '2.0/overview/', 'sso/login-url': '2.0/identity-providers/jumpcloud/#set-login-url' })).toEqual([]);
  });
});

describe('redirect rules, a bad case each', () => {
  it.each([
    [
      'redirects/invalid-path',
      [page('2.0/overview', ['../up'])],
      {},
      'content/2.0/overview.mdx:3:1 error Old path `../up` has `.` or `..` segments; write the path as it appears in the old URL (redirects/invalid-path)',
    ],
    [
      'redirects/invalid-path (a URL)',
      GOOD,
      { 'https://old.example/x': '2.0/overview/' },
      'stepdocs.config.json:3:5 error Old path `https://old.example/x` is a URL; an old path is a path below the site base, e.g. `jumpcloud` (redirects/invalid-path)',
    ],
    [
      'redirects/duplicate-source',
      [...GOOD, page('2.0/identity-providers/okta', ['jumpcloud'])],
      {},
      'content/2.0/identity-providers/okta.mdx:3:1 error Old path `2.0/jumpcloud/` already redirects to `2.0/identity-providers/jumpcloud/` (content/2.0/identity-providers/jumpcloud.mdx:3) (redirects/duplicate-source)',
    ],
    [
      'redirects/shadows-page',
      [page('2.0/overview', ['identity-providers/jumpcloud']), page('2.0/identity-providers/jumpcloud')],
      {},
      'content/2.0/overview.mdx:3:1 error Old path `2.0/identity-providers/jumpcloud/` is a page of the site; a redirect there would hide it (redirects/shadows-page)',
    ],
    [
      'redirects/missing-target',
      GOOD,
      { 'old/x': '2.0/overveiw/' },
      'stepdocs.config.json:3:5 error Redirect `old/x/` points at `2.0/overveiw/`, which is no page of the site; did you mean `2.0/overview/`? (redirects/missing-target)',
    ],
    [
      'redirects/missing-anchor',
      GOOD,
      { 'old/x': '2.0/identity-providers/jumpcloud/#set-login' },
      'stepdocs.config.json:3:5 error Redirect `old/x/` points at `#set-login`, which `2.0/identity-providers/jumpcloud/` does not have; did you mean `#set-login-url`? (redirects/missing-anchor)',
    ],
    [
      'redirects/chain',
      GOOD,
      { 'old/x': '2.0/jumpcloud/' },
      'stepdocs.config.json:3:5 error Redirect `old/x/` → `2.0/jumpcloud/` leads to another redirect (→ `2.0/identity-providers/jumpcloud/`) (redirects/chain)',
    ],
  ])('%s', (_rule, pages, redirects, expected) => {
    expect(check(pages, redirects).map((line) => line.split('\n')[0])).toEqual([expected]);
  });

  it('redirects/loop: names the cycle from each of its paths', () => {
    const findings = check(GOOD, { 'old/a': 'old/b/', 'old/b': 'old/a/' }).map((line) => line.split('\n')[0]);
    expect(findings).toEqual([
      'stepdocs.config.json:3:5 error Redirect `old/a/` → `old/b/` leads back to itself (old/a/ → old/b/ → old/a/) (redirects/loop)',
      'stepdocs.config.json:4:5 error Redirect `old/b/` → `old/a/` leads back to itself (old/b/ → old/a/ → old/b/) (redirects/loop)',
    ]);
  });
});

describe('what the build writes', () => {
  it('a redirect page that works without JavaScript, and the _redirects file with the base', () => {
    const html = redirectPageHtml('/docs/2.0/overview/#a', 'https://docs.example.com/docs/2.0/overview/#a');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/docs/2.0/overview/#a">');
    expect(html).toContain('<link rel="canonical" href="https://docs.example.com/docs/2.0/overview/#a">');
    expect(html).toContain('<a href="/docs/2.0/overview/#a">');
    expect(html).not.toContain('<script');
    const { redirects } = collectRedirects(GOOD, { redirects: { out: 'https://example.com/' }, file: 'c' }, versions);
    expect(redirectsFile(redirects, '/docs/')).toBe(
      '/docs/2.0/jumpcloud/ /docs/2.0/identity-providers/jumpcloud/ 301\n/docs/latest/jumpcloud/ /docs/latest/identity-providers/jumpcloud/ 301\n/docs/sso-connect-cloud/identity-providers/jumpcloud/ /docs/2.0/identity-providers/jumpcloud/ 301\n/docs/out/ https://example.com/ 301\n',
    );
  });

  it('finds the line of a configuration key', () => {
    expect(jsonKeyPlace('{\n  "redirects": {\n    "old/a": "x"\n  }\n}', 'old/a')).toEqual({ line: 3, column: 5 });
  });
});
