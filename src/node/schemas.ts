/**
 * JSON Schemas made from the zod schemas the build validates with: the configuration file and a
 * page's frontmatter (with the configured identity providers and products), so editors complete and
 * check fields with the same rules as the build. Written by `npm run schema` into `schemas/`.
 */
import { z } from 'zod';
import { contentSchemaFor } from '../lib/guide/schema.ts';
import { siteConfigFileSchema, type SiteConfig } from '../lib/site-config.ts';

export function jsonSchemas(site: SiteConfig): Record<string, string> {
  // Inputs as authors write them; dates and defaults that zod transforms are described as written.
  const options = { io: 'input', unrepresentable: 'any' } as const;
  const config = { ...z.toJSONSchema(siteConfigFileSchema, options), title: 'stepdocs.config.json' };
  const frontmatter = {
    ...z.toJSONSchema(contentSchemaFor({ identityProviders: site.identityProviders, products: site.products }), options),
    title: 'stepdocs page frontmatter',
  };
  return {
    'stepdocs.config.schema.json': `${JSON.stringify(config, null, 2)}\n`,
    'frontmatter.schema.json': `${JSON.stringify(frontmatter, null, 2)}\n`,
  };
}
