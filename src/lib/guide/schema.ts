import { z } from 'zod';
import { DEFAULT_IDENTITY_PROVIDERS, DEFAULT_PRODUCTS } from '../site-config.ts';

/** The lists a guide's `idp` and `product` must come from: site configuration, not code. */
export interface SchemaOptions {
  identityProviders: readonly string[];
  products: readonly string[];
}

export const DEFAULT_SCHEMA_OPTIONS: SchemaOptions = { identityProviders: DEFAULT_IDENTITY_PROVIDERS, products: DEFAULT_PRODUCTS };

/** Page kinds: a setup guide for one identity provider (the default), or a general page. */
export const PAGE_KINDS = ['guide', 'page'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Fields only guides have; on a general page they are reported as such. */
export const GUIDE_ONLY_FIELDS = ['idp', 'product'] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A zod error callback that says "missing" when the field is absent, and what is expected either way. */
function expected(text: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `missing; ${text}` : text);
}

const reviewedDate = z
  .union(
    [
      z.date(),
      z
        .string()
        .regex(isoDate)
        .transform((value) => new Date(`${value}T00:00:00Z`)),
    ],
    { error: expected('expected a date written as YYYY-MM-DD, e.g. `lastReviewed: 2026-11-28`') },
  )
  .refine((date) => !Number.isNaN(date.getTime()), { error: 'expected a real calendar date' });

/**
 * Fields every page has. Each field's description is what an author sees as an editor hint.
 * YAML turns `2026-01-31` into a Date; a quoted string is accepted too, so authors need not care.
 */
const common = {
  title: z
    .string({ error: expected('expected a text title, e.g. `title: JumpCloud`') })
    .trim()
    .min(1, { error: 'expected a non-empty title' })
    .max(120, { error: 'expected a title of at most 120 characters' })
    .describe('Page title, shown as the page heading, in the sidebar and in search results.'),
  description: z
    .string({ error: expected('expected a one-sentence description of what the page is about') })
    .trim()
    .min(10, { error: 'expected a description of at least 10 characters' })
    .max(300, { error: 'expected a description of at most 300 characters' })
    .describe('One or two sentences (10–300 characters) shown under the title and in link previews.'),
  section: z
    .string({ error: expected('expected a sidebar section name, e.g. `section: Identity providers`') })
    .trim()
    .min(1, { error: 'expected a non-empty section name' })
    .describe('Sidebar group the page belongs to, e.g. Identity providers.'),
  order: z
    .number({ error: expected('expected a whole number, e.g. `order: 10`') })
    .int({ error: 'expected a whole number, e.g. `order: 10`' })
    .default(100)
    .describe('Position inside the section, lower first (optional, default 100).'),
  redirectFrom: z
    .array(z.string({ error: 'expected old paths as text, e.g. `redirectFrom: [jumpcloud]`' }).trim().min(1), {
      error: 'expected a list of old paths, e.g. `redirectFrom: [jumpcloud, sso/jumpcloud]`',
    })
    .default([])
    .describe('Old paths of this page inside its version (e.g. `jumpcloud`); each gets a redirect here (optional).'),
};

// Building a zod schema costs far more than using one: one per list of identity providers and products.
const guideSchemas = new Map<string, ReturnType<typeof buildGuideSchema>>();

/** Frontmatter of a guide (`kind: guide`, the default): a setup procedure for one identity provider. */
export function guideSchemaFor(options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS) {
  const key = JSON.stringify([options.identityProviders, options.products]);
  let schema = guideSchemas.get(key);
  if (!schema) {
    schema = buildGuideSchema(options);
    guideSchemas.set(key, schema);
  }
  return schema;
}

function buildGuideSchema(options: SchemaOptions) {
  const listed = (values: readonly string[]) => values.map((name) => `\`${name}\``).join(', ');
  return z.strictObject({
    kind: z.literal('guide').default('guide').describe('`guide` (default): a setup guide for one identity provider; `page`: a general page.'),
    title: common.title,
    description: common.description,
    idp: z
      .enum(options.identityProviders as [string, ...string[]], { error: expected(`expected one of ${listed(options.identityProviders)}`) })
      .describe(
        `The identity provider the guide configures: one of ${options.identityProviders.join(', ')} (the list is \`identityProviders\` in stepdocs.config.json).`,
      ),
    product: z
      .enum(options.products as [string, ...string[]], { error: expected(`expected the product name, one of ${listed(options.products)}`) })
      .describe(`The product the identity provider is connected to: one of ${options.products.join(', ')}.`),
    lastReviewed: reviewedDate.describe('When a person last checked the guide against both consoles, as YYYY-MM-DD.'),
    section: common.section,
    order: common.order,
    redirectFrom: common.redirectFrom,
  });
}

/** Frontmatter of a general page (`kind: page`): an overview, a troubleshooting page, an architecture page. */
export function generalPageSchema() {
  return GENERAL_PAGE_SCHEMA;
}

const GENERAL_PAGE_SCHEMA = buildGeneralPageSchema();

function buildGeneralPageSchema() {
  return z.strictObject({
    kind: z.literal('page').describe('`page`: a general page, with no identity provider or product.'),
    title: common.title,
    description: common.description,
    lastReviewed: reviewedDate.optional().describe('When a person last checked the page, as YYYY-MM-DD (optional).'),
    section: common.section,
    order: common.order,
    redirectFrom: common.redirectFrom,
  });
}

/** The kind a frontmatter asks for: `guide` unless it says otherwise. */
export function kindOf(data: unknown): unknown {
  return data && typeof data === 'object' && 'kind' in data ? (data as { kind: unknown }).kind : 'guide';
}

/** Every content page: guides and general pages, told apart by `kind`. */
export function contentSchemaFor(options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS) {
  return z.preprocess(
    (data) => (data && typeof data === 'object' && !('kind' in data) ? { ...data, kind: 'guide' } : data),
    z.discriminatedUnion('kind', [guideSchemaFor(options), generalPageSchema()]),
  );
}

export const guideSchema = guideSchemaFor();

export type GuideFrontmatter = z.output<ReturnType<typeof guideSchemaFor>>;
export type GeneralPageFrontmatter = z.output<ReturnType<typeof generalPageSchema>>;
export type PageFrontmatter = GuideFrontmatter | GeneralPageFrontmatter;
