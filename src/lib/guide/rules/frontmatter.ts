/** Frontmatter rules: checked against the frontmatter schema (schema.ts) by checkFrontmatter. */
import type { PageRule } from '../page-rule.ts';

export const frontmatterRules: PageRule[] = [
  {
    id: 'frontmatter/missing-field',
    severity: 'error',
    description:
      "A guide's frontmatter has every required field: title, description, idp, product, lastReviewed, section; a general page (`kind: page`) needs title, description and section.",
    why: 'The title, description and section build the page, the sidebar, search results and link previews; a guide without its identity provider or review date cannot be listed or trusted.',
    fix: 'Add the missing field; the Writing guides page lists every field with its form.',
    bad: '---\ntitle: JumpCloud\n---',
    good: '---\ntitle: JumpCloud\ndescription: Configure JumpCloud as the SAML identity provider for Keeper.\nidp: JumpCloud\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-11-28\nsection: Identity providers\n---',
    check: { stage: 'frontmatter' },
  },
  {
    id: 'frontmatter/invalid-field',
    severity: 'error',
    description:
      "Each frontmatter field has the expected type and form (`kind` is `guide` or `page`, dates as YYYY-MM-DD, `idp` and `product` from the site configuration's lists, `order` a whole number).",
    why: "A date that is not a date cannot say how fresh a guide is, and an identity provider spelled two ways splits the site's lists.",
    fix: 'Write the field in the form the finding names.',
    bad: 'lastReviewed: last week',
    good: 'lastReviewed: 2026-11-28',
    check: { stage: 'frontmatter' },
  },
  {
    id: 'frontmatter/unknown-field',
    severity: 'error',
    description: 'Frontmatter holds only the fields stepdocs knows, so a typo (`tilte`) cannot pass silently.',
    why: 'A misspelled field is ignored by the site: the page silently loses its title, order or redirect.',
    fix: 'Correct the field name (the finding suggests the closest known one), or remove the field.',
    bad: 'tilte: JumpCloud',
    good: 'title: JumpCloud',
    check: { stage: 'frontmatter' },
  },
  {
    id: 'frontmatter/guide-only-field',
    severity: 'error',
    description: 'Guide-only fields (`idp`, `product`) stand only on guides, not on general pages (`kind: page`).',
    why: "A general page with an identity provider would be listed as that provider's guide.",
    fix: 'Remove the field from the general page, or make the page a guide (`kind: guide`, the default).',
    bad: '---\nkind: page\ntitle: Overview\ndescription: How single sign-on with an identity provider works.\nsection: Overview\nidp: Okta\n---',
    good: '---\nkind: page\ntitle: Overview\ndescription: How single sign-on with an identity provider works.\nsection: Overview\n---',
    check: { stage: 'frontmatter' },
  },
];
