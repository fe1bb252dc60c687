/**
 * The site's own pages and files, by name, as paths below the site base. Every link to one of them
 * (layouts, sitemap, widgets, CLIs, findings) is written with `ROUTES.<name>`; the link checker knows
 * them as valid targets (routes.ts builds the rest of the route table on it; this module imports
 * nothing, so the widgets and the metadata worker can use it without the configuration's schema);
 * test/unit/page-routes.test.ts fails when a file under src/pages/ serves a
 * route this table does not list, or the table lists one nothing serves.
 */
/** The metadata rules page, also on its own: browser code imports this constant alone, not the whole table. */
export const METADATA_RULES_ROUTE = 'rules/metadata/';

export const ROUTES = {
  home: '',
  writingGuides: 'writing-guides/',
  embedding: 'embedding/',
  rules: 'rules/',
  metadataRules: METADATA_RULES_ROUTE,
  embedLoginUrl: 'embed/login-url/',
  embedMetadataChecker: 'embed/metadata-checker/',
  notFound: '404.html',
  sitemap: 'sitemap.xml',
  llms: 'llms.txt',
  llmsFull: 'llms-full.txt',
  /** Served from public/. */
  favicon: 'favicon.svg',
} as const;
