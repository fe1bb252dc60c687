// @ts-check
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentLinksPlugin } from './src/astro/integrations/content-links.ts';
import { codeBlocksPlugin } from './src/astro/integrations/code-blocks.ts';
import { valuesCodePlugin } from './src/astro/integrations/values-code.ts';
import { configText, loadSiteConfig } from './src/node/site-config.ts';
import { readVersions } from './src/node/read-versions.ts';
import { isCurrentAliasPath, ROUTES, withBase } from './src/lib/routes.ts';
import { checkOutDir } from './src/node/out-dir.ts';
import { guideValidation } from './src/astro/integrations/guide-validation.ts';
import { widgetBundles } from './src/astro/integrations/widget-bundles.ts';
import { searchIndex } from './src/astro/integrations/search-index.ts';
import { redirects } from './src/astro/integrations/redirects.ts';
import { markdownFiles } from './src/astro/integrations/markdown-files.ts';
import { securityHeaders } from './src/astro/integrations/security-headers.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
/**
 * Settings errors are the author's to fix: say what is wrong, without a stack trace through Vite.
 * @template T
 * @param {() => T} read
 * @returns {T}
 */
function orExit(read) {
  try {
    return read();
  } catch (error) {
    console.error(`stepdocs: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const config = orExit(() => loadSiteConfig(process.env, root));
// Where the build checks guides and makes Markdown copies: `auto` (worker threads on large sites),
// `always` or `never` (to test or compare both ways; the output is the same).
const buildWorkers = orExit(() => {
  const value = process.env.STEPDOCS_BUILD_WORKERS || 'auto';
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new Error(`STEPDOCS_BUILD_WORKERS is \`${value}\`; expected \`auto\`, \`always\` or \`never\``);
});
const versions = orExit(() => readVersions(resolve(root, config.contentDir)));
const outDir = orExit(() =>
  checkOutDir(root, process.env.STEPDOCS_OUT_DIR || './dist', {
    keep: [
      { path: config.contentDir, name: 'the content folder' },
      { path: 'public', name: 'the public folder' },
    ],
  }),
);

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  // Pages render while earlier ones are written: page writes no longer wait on each other.
  build: { concurrency: 4 },
  outDir,
  // Separate caches let tests build several sites from one checkout without sharing a content store.
  cacheDir: process.env.STEPDOCS_CACHE_DIR || './node_modules/.astro',
  markdown: {
    // Prism: token classes styled by the site's light and dark themes, and about a tenth of Shiki's
    // start-up cost (which a build pays as soon as one page has a code block).
    syntaxHighlight: 'prism',
    processor: satteri({
      mdastPlugins: [valuesCodePlugin()],
      hastPlugins: [contentLinksPlugin({ contentDir: resolve(root, config.contentDir), base: config.base, versions }), codeBlocksPlugin()],
    }),
  },
  integrations: [
    guideValidation({ contentDirs: [config.contentDir, 'src/manual'], rulesUrl: withBase(config.base, ROUTES.rules), workers: buildWorkers }),
    mdx(),
    widgetBundles(),
    ...(config.markdown ? [markdownFiles({ contentDir: resolve(root, config.contentDir), workers: buildWorkers })] : []),
    redirects({
      contentDir: resolve(root, config.contentDir),
      versions,
      redirects: config.redirects,
      configFile: config.configFile,
      configText: configText(config),
      base: config.base,
      site: config.site,
    }),
    securityHeaders({ base: config.base, embedFrameAncestors: config.embedFrameAncestors }),
    ...(config.search
      ? [searchIndex({ searchableRoutes: ['src/pages/[version]/[...slug].astro'], unindexedPaths: (path) => isCurrentAliasPath(path, versions) })]
      : []),
  ],
  vite: {
    build: {
      // Page scripts stay files: cached once for every page a reader opens, and not repeated in the
      // HTML that every page, the search indexer and the build itself carry.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        // Rolldown warns once per MDX page that Astro's `"use astro:head-inject"` directive may not be kept
        // when bundling (about 20,000 log lines at 2,000 pages, burying the findings authors need).
        // Dropping exactly that warning changes the log only, not the bundle; every other warning is kept.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    resolve: {
      // Lets the site import the content folder's versions.json wherever STEPDOCS_CONTENT_DIR points.
      alias: { '@content': resolve(root, config.contentDir) },
    },
    server: { fs: { allow: [root, resolve(root, config.contentDir)] } },
  },
});
