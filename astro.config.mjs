// @ts-check
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readSiteConfig } from './src/lib/site-config.ts';
import { guideValidation } from './src/integrations/guide-validation.ts';
import { widgetBundles } from './src/integrations/widget-bundles.ts';

const config = readSiteConfig(process.env);
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  outDir: process.env.STEPDOCS_OUT_DIR || './dist',
  // Separate caches let tests build several sites from one checkout without sharing a content store.
  cacheDir: process.env.STEPDOCS_CACHE_DIR || './node_modules/.astro',
  integrations: [
    guideValidation({ contentDirs: [config.contentDir, 'src/docs'], rulesUrl: `${config.base}writing-guides/` }),
    mdx(),
    widgetBundles(),
  ],
  vite: {
    resolve: {
      // Lets components glob the content folder's images wherever STEPDOCS_CONTENT_DIR points.
      alias: { '@content': resolve(root, config.contentDir) },
    },
    server: { fs: { allow: [root, resolve(root, config.contentDir)] } },
  },
});
