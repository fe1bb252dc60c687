import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './lib/guide/schema';
import { readSiteConfig } from './lib/site-config';

const { contentDir } = readSiteConfig(process.env);

/** Every guide of every version: `<contentDir>/<version>/<slug>.mdx`. */
const guides = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: contentDir,
    // Keep ids as written paths so `latest/jumpcloud` maps to its route without a second slugging.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: guideSchema,
});

export const collections = { guides };
