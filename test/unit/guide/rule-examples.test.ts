/**
 * Every guide rule's examples, run the way remark-lint runs its `@example` blocks: the bad example
 * gives that rule's finding and no other rule's, the good example gives no finding at all. The
 * examples are what the rules pages show authors, so a wrong one is a defect.
 */
import { describe, expect, it } from 'vitest';
import { exampleFindings } from '../../../src/lib/guide/rule-examples';
import { PAGE_ENGINE_RULES } from '../../../src/lib/guide/rules';

const ruleIds = (example: string) => [...new Set(exampleFindings(example).map((finding) => finding.ruleId))].sort();

describe('guide rule examples', () => {
  for (const rule of PAGE_ENGINE_RULES) {
    it(`${rule.id}: the bad example gives exactly this rule's finding, the good one none`, () => {
      expect(ruleIds(rule.bad)).toEqual([rule.id]);
      expect(ruleIds(rule.good)).toEqual([]);
    });
  }
});
