/**
 * Every guide rule's examples, run the way remark-lint runs its `@example` blocks: the bad example
 * gives that rule's finding and no other rule's, the good example gives no finding at all. The
 * examples are what the Writing guides page shows authors, so a wrong one is a defect.
 */
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../../src/lib/guide/frontmatter';
import { DEFAULT_SCHEMA_OPTIONS } from '../../../src/lib/guide/schema';
import { GUIDE_RULES } from '../../../src/lib/guide/rules';
import { validateGuide, type AssetStatus } from '../../../src/lib/guide/validate-guide';

const FRONTMATTER = 'title: JumpCloud\ndescription: Configure JumpCloud as the SAML identity provider for Keeper.\nidp: JumpCloud\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-11-28\nsection: Identity providers';

/** The images the examples name, as a content folder would hold them. */
function checkAsset(src: string): AssetStatus {
  if (src === './images/Login.PNG') return { status: 'case-mismatch', actual: './images/login.png' };
  return ['./images/sso-tab.svg', './images/login.png', './images/shot.png'].includes(src) ? { status: 'ok' } : { status: 'missing' };
}

/** A whole page around an example: a frontmatter block as it is, one field in a valid guide's frontmatter, or a body under one. */
function pageOf(example: string): string {
  if (example.startsWith('---')) return `${example}\n\nText.\n`;
  const field = /^([A-Za-z]+):/.exec(example)?.[1];
  if (field && !example.includes('\n') && !example.startsWith('<')) {
    const lines = FRONTMATTER.split('\n').filter((line) => !line.startsWith(`${field}:`));
    return `---\n${[...lines, example].join('\n')}\n---\n\nText.\n`;
  }
  return `---\n${FRONTMATTER}\n---\n\n${example}\n`;
}

function ruleIds(source: string): string[] {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const data = (parseYaml(frontmatter) ?? {}) as Record<string, unknown>;
  const findings = [...checkFrontmatter(data, source, 'example.mdx', undefined, DEFAULT_SCHEMA_OPTIONS), ...validateGuide(source, { file: 'example.mdx', checkAsset })];
  return [...new Set(findings.map((finding) => finding.ruleId))].sort();
}

describe('guide rule examples', () => {
  for (const rule of GUIDE_RULES) {
    it(`${rule.id}: the bad example gives exactly this rule's finding, the good one none`, () => {
      expect(ruleIds(pageOf(rule.bad))).toEqual([rule.id]);
      expect(ruleIds(pageOf(rule.good))).toEqual([]);
    });
  }
});
