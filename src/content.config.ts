import { defineCollection } from 'astro:content';
import { guideLoader } from './astro/integrations/guide-loader';
import { contentSchemaFor } from './lib/guide/schema';
import { loadSiteConfig } from './node/site-config';
import { ROUTES, withBase } from './lib/routes';

const config = loadSiteConfig(process.env);
const schemaOptions = { identityProviders: config.identityProviders, products: config.products };

/** Every page of every version, guides and general pages: `<contentDir>/<version>/<path>.mdx`. */
const guides = defineCollection({
  loader: guideLoader({ contentDir: config.contentDir, rulesUrl: withBase(config.base, ROUTES.rules), schemaOptions }),
  schema: contentSchemaFor(schemaOptions),
});

export const collections = { guides };
