import { z } from 'zod';

/** Identity providers a guide can be written for; extend the list when a new guide needs one. */
export const IDENTITY_PROVIDERS = [
  'JumpCloud',
  'Okta',
  'Microsoft Entra ID',
  'Google Workspace',
  'OneLogin',
  'Ping Identity',
  'ADFS',
  'Keycloak',
  'Auth0',
  'Shibboleth',
  'Generic SAML 2.0',
] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A zod error callback that says "missing" when the field is absent, and what is expected either way. */
function expected(text: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `missing; ${text}` : text);
}

/**
 * Frontmatter of a guide. Each field's doc comment is what an author sees as an editor hint.
 * YAML turns `2026-01-31` into a Date; a quoted string is accepted too, so authors need not care.
 */
export const guideSchema = z.strictObject({
  /** Page title, shown as the page heading and in the sidebar. */
  title: z
    .string({ error: expected('expected a text title, e.g. `title: JumpCloud`') })
    .trim()
    .min(1, { error: 'expected a non-empty title' })
    .max(120, { error: 'expected a title of at most 120 characters' })
    .describe('Page title, shown as the page heading, in the sidebar and in search results.'),
  /** One or two sentences shown under the title and in search results and link previews. */
  description: z
    .string({ error: expected('expected a one-sentence description of what the guide sets up') })
    .trim()
    .min(10, { error: 'expected a description of at least 10 characters' })
    .max(300, { error: 'expected a description of at most 300 characters' })
    .describe('One or two sentences (10–300 characters) shown under the title and in link previews.'),
  /** The identity provider the guide configures, one of IDENTITY_PROVIDERS. */
  idp: z
    .enum(IDENTITY_PROVIDERS, {
      error: expected(`expected one of ${IDENTITY_PROVIDERS.map((name) => `\`${name}\``).join(', ')}`),
    })
    .describe(`The identity provider the guide configures: one of ${IDENTITY_PROVIDERS.join(', ')}.`),
  /** The product the identity provider is connected to, e.g. `Keeper SSO Connect Cloud`. */
  product: z
    .string({ error: expected('expected the product name, e.g. `product: Keeper SSO Connect Cloud`') })
    .trim()
    .min(1, { error: 'expected a non-empty product name' })
    .describe('The product the identity provider is connected to, e.g. Keeper SSO Connect Cloud.'),
  /** When a person last checked the guide against both consoles, as YYYY-MM-DD. */
  lastReviewed: z.union(
    [
      z.date(),
      z.string().regex(isoDate).transform((value) => new Date(`${value}T00:00:00Z`)),
    ],
    { error: expected('expected a date written as YYYY-MM-DD, e.g. `lastReviewed: 2026-11-28`') },
  )
    .refine((date) => !Number.isNaN(date.getTime()), { error: 'expected a real calendar date' })
    .describe('When a person last checked the guide against both consoles, as YYYY-MM-DD.'),
  /** Sidebar group the guide belongs to, e.g. `Identity providers`. */
  section: z
    .string({ error: expected('expected a sidebar section name, e.g. `section: Identity providers`') })
    .trim()
    .min(1, { error: 'expected a non-empty section name' })
    .describe('Sidebar group the guide belongs to, e.g. Identity providers.'),
  /** Position inside the section; lower comes first. */
  order: z
    .number({ error: expected('expected a whole number, e.g. `order: 10`') })
    .int({ error: 'expected a whole number, e.g. `order: 10`' })
    .default(100)
    .describe('Position inside the section, lower first (optional, default 100).'),
});

export type GuideFrontmatter = z.output<typeof guideSchema>;
