import { defineCollection } from 'astro:content';
import { guideLoader } from './integrations/guide-loader';
import { guideSchema } from './lib/guide/schema';
import { readSiteConfig } from './lib/site-config';

const config = readSiteConfig(process.env);

/** Every guide of every version: `<contentDir>/<version>/<slug>.mdx`. */
const guides = defineCollection({
  loader: guideLoader({ contentDir: config.contentDir, rulesUrl: `${config.base}writing-guides/` }),
  schema: guideSchema,
});

export const collections = { guides };
