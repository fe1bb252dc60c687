import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatFinding } from '../../../src/lib/findings';
import { checkFrontmatter } from '../../../src/lib/guide/frontmatter';
import { guideSchema } from '../../../src/lib/guide/schema';

const FILE = 'content/latest/guide.mdx';
const good = [
  'title: JumpCloud',
  'description: Configure JumpCloud as the SAML identity provider.',
  'idp: JumpCloud',
  'product: Keeper SSO Connect Cloud',
  'lastReviewed: 2026-11-28',
  'section: Identity providers',
  'order: 10',
];

/** Builds a file from frontmatter lines, parses the YAML as Astro does, and formats the findings. */
function check(lines: string[]): string[] {
  const source = `---\n${lines.join('\n')}\n---\n\nBody\n`;
  const data = parse(lines.join('\n'), { schema: 'yaml-1.1' }) as unknown;
  return checkFrontmatter(data, source, FILE).map(formatFinding);
}

const replace = (field: string, line: string | null) =>
  good.flatMap((candidate) => (candidate.startsWith(`${field}:`) ? (line === null ? [] : [line]) : [candidate]));

describe('guide frontmatter', () => {
  it('accepts a complete frontmatter and turns the date into a Date', () => {
    expect(check(good)).toEqual([]);
    const data = guideSchema.parse(parse(good.join('\n'), { schema: 'yaml-1.1' }));
    expect(data.lastReviewed.toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('accepts a quoted date and defaults order to 100', () => {
    const data = guideSchema.parse(parse(replace('order', null).join('\n').replace('2026-11-28', "'2026-11-28'")));
    expect(data.lastReviewed.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(data.order).toBe(100);
  });

  it('names a missing field and what is expected', () => {
    expect(check(replace('product', null))).toEqual([
      'content/latest/guide.mdx:1:1 error Frontmatter field `product` is missing; expected the product name, one of `Keeper SSO Connect Cloud` (frontmatter/missing-field)\n  hint: Add `product:` to the frontmatter between the `---` lines.',
    ]);
  });

  it('points at the line of a wrong field', () => {
    expect(check(replace('lastReviewed', 'lastReviewed: last week'))).toEqual([
      'content/latest/guide.mdx:6:1 error Frontmatter field `lastReviewed` is invalid: expected a date written as YYYY-MM-DD, e.g. `lastReviewed: 2026-11-28` (frontmatter/invalid-field)\n  hint: `lastReviewed`: When a person last checked the guide against both consoles, as YYYY-MM-DD.',
    ]);
  });

  it('suggests the identity provider meant', () => {
    expect(check(replace('idp', 'idp: Jumpcloud'))[0]).toContain('did you mean `JumpCloud`?');
  });

  it('rejects an order that is not a whole number', () => {
    expect(check(replace('order', 'order: 1.5'))).toEqual([
      'content/latest/guide.mdx:8:1 error Frontmatter field `order` is invalid: expected a whole number, e.g. `order: 10` (frontmatter/invalid-field)\n  hint: `order`: Position inside the section, lower first (optional, default 100).',
    ]);
  });

  it('rejects a too-short description and an empty title', () => {
    expect(check(replace('description', 'description: Short').map((line) => (line.startsWith('title') ? "title: ''" : line)))).toEqual([
      'content/latest/guide.mdx:2:1 error Frontmatter field `title` is invalid: expected a non-empty title (frontmatter/invalid-field)\n  hint: `title`: Page title, shown as the page heading, in the sidebar and in search results.',
      'content/latest/guide.mdx:3:1 error Frontmatter field `description` is invalid: expected a description of at least 10 characters (frontmatter/invalid-field)\n  hint: `description`: One or two sentences (10–300 characters) shown under the title and in link previews.',
    ]);
  });

  it('rejects an unknown field such as a typo', () => {
    expect(check([...good, 'tilte: Oops'])).toEqual([
      'content/latest/guide.mdx:9:1 error Frontmatter field `tilte` is not part of a guide (frontmatter/unknown-field)\n  hint: Remove it, or use one of `title`, `description`, `idp`, `product`, `lastReviewed`, `section`, `order`, `redirectFrom`.',
    ]);
  });

  it('reports every missing field of an empty frontmatter', () => {
    const findings = checkFrontmatter({}, '---\n---\n', FILE);
    expect(findings.map((finding) => finding.reason.split(' is ')[0])).toEqual([
      'Frontmatter field `title`',
      'Frontmatter field `description`',
      'Frontmatter field `idp`',
      'Frontmatter field `product`',
      'Frontmatter field `lastReviewed`',
      'Frontmatter field `section`',
    ]);
  });
});

describe('general pages and configured lists', () => {
  const page = ['kind: page', 'title: Overview', 'description: What SSO Connect Cloud is and how it works.', 'section: Overview'];

  it('accepts a general page without idp, product or lastReviewed', () => {
    expect(check(page)).toEqual([]);
  });

  it('reports a guide-only field on a general page, with the fix', () => {
    expect(check([...page, 'idp: Okta'])).toEqual([
      'content/latest/guide.mdx:6:1 error Frontmatter field `idp` belongs to guides, and this is a general page (`kind: page`) (frontmatter/guide-only-field)\n  hint: Remove `idp`, or make the page a guide by removing `kind: page`.',
    ]);
  });

  it('reports a kind that does not exist, with a suggestion', () => {
    expect(check(['kind: pages', ...page.slice(1)])).toEqual([
      'content/latest/guide.mdx:2:1 error Frontmatter field `kind` is invalid: expected `guide` or `page`; did you mean `page`? (frontmatter/invalid-field)\n  hint: `kind`: `guide` (the default) for a setup guide, `page` for a general page.',
    ]);
  });

  it('takes identity providers and products from the site configuration', () => {
    const source = `---\n${replace('idp', 'idp: Duo').join('\n')}\n---\n`;
    const data = parse(replace('idp', 'idp: Duo').join('\n'), { schema: 'yaml-1.1' });
    expect(checkFrontmatter(data, source, FILE)).toHaveLength(1);
    expect(checkFrontmatter(data, source, FILE, undefined, { identityProviders: ['Duo', 'Rippling'], products: ['Keeper SSO Connect Cloud'] })).toEqual([]);
    const typo = parse(replace('idp', 'idp: Rippleing').join('\n'), { schema: 'yaml-1.1' });
    expect(checkFrontmatter(typo, source, FILE, undefined, { identityProviders: ['Duo', 'Rippling'], products: ['Keeper SSO Connect Cloud'] })[0]?.reason).toBe(
      'Frontmatter field `idp` is invalid: expected one of `Duo`, `Rippling`; did you mean `Rippling`?',
    );
  });
});
