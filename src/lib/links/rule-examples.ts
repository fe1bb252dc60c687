/**
 * A link rule's examples checked the way `npm run check` checks a site: the example is a page of a
 * small site (an Okta guide with a `Configure Okta` heading and three images, a version 1.0 with a
 * JumpCloud guide), with both engines, the redirects and, for external links, canned answers in
 * place of the network. The rules page shows each bad example's finding from here, and a test holds
 * every bad example to exactly its rule's finding and every good one to none.
 */
import type { Finding } from '../findings.ts';
import { examplePage } from '../guide/rule-examples.ts';
import { DEFAULT_SCHEMA_OPTIONS } from '../guide/schema.ts';
import { checkRedirects, collectRedirects, siteRoutes } from '../redirects.ts';
import type { Version } from '../versions.ts';
import { checkLinks, type SitePage } from './check-links.ts';
import type { ExternalResult } from './external.ts';
import { readPage } from './read-page.ts';
import { externalFindings } from './rules/external.ts';

const VERSIONS: Version[] = [
  { id: 'latest', label: 'Latest', status: 'current' },
  { id: '1.0', label: '1.0', status: 'supported' },
];

const FRONTMATTER = (title: string) =>
  `---\ntitle: ${title}\ndescription: A page of the small site the rule examples run in.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-11-28\nsection: Identity providers\n`;

/** The site around every example, each page clean on its own. */
const SITE: Record<string, string> = {
  'latest/okta.mdx': `${FRONTMATTER('Okta')}redirectFrom: [okta-legacy]\n---\n\n## Configure Okta\n\n![The SSO tab](./images/sso-tab.svg)\n\n![The login page](./images/login.png)\n\n![A screenshot](./images/shot.png)\n`,
  'latest/overview.mdx': `${FRONTMATTER('Overview')}---\n\nText.\n`,
  '1.0/jumpcloud.mdx': `${FRONTMATTER('JumpCloud')}---\n\nText.\n`,
};
const IMAGES = ['latest/images/sso-tab.svg', 'latest/images/login.png', 'latest/images/shot.png'];

/** Where an example stands, when not on a page of the current version (`latest/example.mdx`). */
export const EXAMPLE_SETTINGS: Record<string, { page: string; context: string }> = {
  'links/missing-in-version': { page: '1.0/example.mdx', context: 'On a page of version 1.0, where there is no overview:' },
};

/** Canned answers for the external rules' examples: `broken.example` fails, `unreachable.example` does not answer. */
function answer(url: string): ExternalResult {
  const host = new URL(url).host;
  if (host === 'broken.example') return { url, status: 'broken', code: 404, cached: false };
  if (host === 'unreachable.example') return { url, status: 'unreachable', detail: 'ENOTFOUND', cached: false };
  return { url, status: 'ok', code: 200, cached: false };
}

/** Every finding `npm run check --external` would give on the small site with the example in it. */
export function linkExampleFindings(ruleId: string, example: string): Finding[] {
  const config = example.trimStart().startsWith('"redirects"') ? (JSON.parse(`{${example}}`) as { redirects: Record<string, string> }).redirects : {};
  const at = EXAMPLE_SETTINGS[ruleId]?.page ?? 'latest/example.mdx';
  const sources = { ...SITE, [at]: examplePage(Object.keys(config).length > 0 ? 'Text.' : example) };
  const pages: SitePage[] = Object.entries(sources).map(([path, source]) => ({
    id: path.replace(/\.mdx$/, ''),
    extract: readPage(source, path, DEFAULT_SCHEMA_OPTIONS),
  }));
  const assets = [...IMAGES, ...(example.includes('old-diagram.svg') ? ['latest/images/old-diagram.svg'] : [])];
  const links = checkLinks({ pages, assets, publicFiles: [], versions: VERSIONS, base: '/', contentPrefix: '.' });
  const redirectPages = pages.map((page) => ({ id: page.id, file: page.extract.file, redirectFrom: page.extract.redirectFrom, anchors: page.extract.anchors }));
  const collected = collectRedirects(redirectPages, { redirects: config, file: 'stepdocs.config.json', text: JSON.stringify({ redirects: config }) }, VERSIONS);
  return [
    ...links.findings,
    ...pages.flatMap((page) => page.extract.structure),
    ...collected.findings,
    ...checkRedirects(collected.redirects, siteRoutes(redirectPages, VERSIONS)),
    ...externalFindings(
      links.external,
      links.external.map((link) => answer(link.url)),
    ),
  ];
}
