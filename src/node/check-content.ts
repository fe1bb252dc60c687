/**
 * The content check `npm run check` and the editor (the remark preset) share: every page of every
 * version read (from the caches where nothing changed), then structure, frontmatter, links, anchors,
 * images and redirects. A page may be given as text (an editor's unsaved buffer) instead of its file.
 */
import { join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../lib/findings.ts';
import { ruleUrl } from '../lib/rule.ts';
import { absoluteUrl, ROUTES } from '../lib/routes.ts';
import { checkLinks, type ExternalReference, type SitePage } from '../lib/links/check-links.ts';
import { checkRedirects, collectRedirects, siteRoutes } from '../lib/redirects.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import type { Version } from '../lib/versions.ts';
import { listFiles, readContentFolder } from './content-files.ts';
import { loadFindingsCache, saveFindingsCache, siteStateKey } from './link-findings-cache.ts';
import { configText } from './site-config.ts';
import { readVersions } from './read-versions.ts';

export interface ContentCheckOptions {
  /** The project root: caches live in `<root>/.stepdocs-cache/`, public files in `<root>/public/`. */
  root: string;
  site: SiteConfig;
  /** Compiled `links.exclude` patterns. */
  exclude: RegExp[];
  /** Report only on these displayed files (all content is still read to resolve links). */
  only?: (file: string) => boolean;
  /** Text to use instead of a file's content, by path relative to the content folder (`latest/okta.mdx`). */
  overrides?: Map<string, string>;
  /** The rules page (`https://docs.example/rules/`): every finding links to its rule there. */
  rulesUrl?: string;
}

export interface ContentCheck {
  findings: Finding[];
  external: ExternalReference[];
  references: number;
  fileCount: number;
}

export function checkContent(options: ContentCheckOptions): ContentCheck {
  const { root, site, only } = options;
  const contentDir = resolve(root, site.contentDir);
  const prefix = relative(root, contentDir).split(sep).join('/') || '.';
  const cacheDir = join(root, '.stepdocs-cache');
  const content = readContentFolder(
    contentDir,
    prefix,
    join(cacheDir, 'links.json'),
    { identityProviders: site.identityProviders, products: site.products },
    options.overrides,
  );
  const settings = {
    publicFiles: listFiles(join(root, 'public')),
    versions: readVersions(contentDir),
    base: site.base,
    contentPrefix: prefix,
    exclude: options.exclude,
  };
  const findingsCache = join(cacheDir, 'link-findings.json');
  const state = siteStateKey(content, settings);
  const result = checkLinks({
    pages: content.pages,
    assets: content.assets,
    ...settings,
    reuse: loadFindingsCache(findingsCache, state, content.keys),
    ...(only ? { only } : {}),
  });
  saveFindingsCache(findingsCache, state, content.keys, result.byPage);
  const findings = [...result.findings, ...content.pages.flatMap((page) => page.extract.structure), ...redirectFindings(content.pages, settings.versions, site)]
    .filter((finding) => !only || only(finding.file))
    .map((finding) => (options.rulesUrl && !finding.url ? { ...finding, url: ruleUrl(options.rulesUrl, finding.ruleId) } : finding));
  return { findings, external: result.external, references: result.references, fileCount: content.pages.length };
}

/** The absolute URL of the site's rules page, which every content finding links into. */
export function rulesPageUrl(site: SiteConfig): string {
  return absoluteUrl(site.site, site.base, ROUTES.rules);
}

/** Redirects of the pages' frontmatter and the configuration, checked against the site's routes and anchors. */
function redirectFindings(pages: SitePage[], versions: Version[], site: SiteConfig): Finding[] {
  const redirectPages = pages.map((page) => ({ id: page.id, file: page.extract.file, redirectFrom: page.extract.redirectFrom, anchors: page.extract.anchors }));
  const collected = collectRedirects(redirectPages, { redirects: site.redirects, file: site.configFile, text: configText(site) }, versions);
  return [...collected.findings, ...checkRedirects(collected.redirects, siteRoutes(redirectPages, versions))];
}
