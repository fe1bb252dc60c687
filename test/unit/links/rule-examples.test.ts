/**
 * Every link rule's examples, run on a small site the way `npm run check` runs: the bad example
 * gives that rule's finding and no other rule's, the good example none. The rules page shows these
 * examples and their findings, so a wrong one is a defect.
 */
import { describe, expect, it } from 'vitest';
import { linkExampleFindings } from '../../../src/lib/links/rule-examples';
import { LINK_RULES } from '../../../src/lib/links/rules';

const ruleIds = (ruleId: string, example: string) => [...new Set(linkExampleFindings(ruleId, example).map((finding) => finding.ruleId))].sort();

describe('link rule examples', () => {
  it('the small site the examples run in is clean on its own', () => {
    expect(linkExampleFindings('none', 'Text.')).toEqual([]);
  });

  for (const rule of LINK_RULES) {
    it(`${rule.id}: the bad example gives exactly this rule's finding, the good one none`, () => {
      expect(ruleIds(rule.id, rule.bad)).toEqual([rule.id]);
      expect(ruleIds(rule.id, rule.good)).toEqual([]);
    });
  }
});
