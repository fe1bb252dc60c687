/** The JSON Schemas in schemas/ are what `npm run schema` makes from the build's zod schemas today. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/node/schemas';
import { loadSiteConfig } from '../../src/node/site-config';

const ROOT = join(import.meta.dirname, '../..');

describe('schemas/', () => {
  it('holds the schemas npm run schema writes (run it after changing a zod schema or the configured lists)', () => {
    const site = loadSiteConfig({}, ROOT);
    for (const [name, text] of Object.entries(jsonSchemas(site))) expect(readFileSync(join(ROOT, 'schemas', name), 'utf8'), name).toBe(text);
  });

  it('describes the frontmatter an author writes: kinds, required fields, the configured identity providers', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/frontmatter.schema.json'), 'utf8'));
    const guide = schema.oneOf.find((option: { properties: { kind: { const?: string } } }) => option.properties.kind.const === 'guide');
    expect(guide.required).toEqual(expect.arrayContaining(['title', 'description', 'idp', 'product', 'section']));
    expect(guide.properties.idp.enum).toContain('JumpCloud');
    expect(guide.properties.description.minLength).toBe(10);
  });
});
