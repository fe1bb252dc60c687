/**
 * Every metadata rule's examples, run through the checker as whole files: the bad example gives
 * that rule's finding (at the rule's severity) and no other error or warning, the good example
 * gives neither. Notes (`info`) of other rules are allowed: the Keeper notes appear on every IdP file.
 * Two notes are reminders on every IdP file by design; for them the two examples give different notes.
 */
import { describe, expect, it } from 'vitest';
import { METADATA_RULES } from '../../../src/lib/keeper/metadata-rules';
import { exampleReport } from '../../support/metadata-examples';

/** Rules that no input can trigger on purpose: the engine's own safety net. */
const ENGINE_SAFETY_NET = new Set(['checker/internal-error']);
/** Notes given on every IdP file, whose wording depends on the file. */
const REMINDERS = new Set(['keeper/assertion-attributes', 'keeper/metadata-signature']);

async function outcome(ruleId: string, example: string) {
  const report = await exampleReport(ruleId, example);
  const rule = METADATA_RULES.find((candidate) => candidate.id === ruleId)!;
  return {
    ownAtSeverity: report.findings.filter((finding) => finding.ruleId === ruleId && finding.severity === rule.severity).map((finding) => finding.reason),
    othersAboveInfo: [
      ...new Set(report.findings.filter((finding) => finding.ruleId !== ruleId && finding.severity !== 'info').map((finding) => finding.ruleId)),
    ],
  };
}

describe('metadata rule examples', () => {
  it("only the engine's safety net has no example to run", () => {
    expect(METADATA_RULES.filter((rule) => rule.check.stage === 'engine' && ENGINE_SAFETY_NET.has(rule.id)).map((rule) => rule.id)).toEqual([
      ...ENGINE_SAFETY_NET,
    ]);
  });

  for (const rule of METADATA_RULES.filter((candidate) => !ENGINE_SAFETY_NET.has(candidate.id))) {
    it(`${rule.id}: the bad example gives this rule's finding and no other problem, the good one neither`, async () => {
      const bad = await outcome(rule.id, rule.bad);
      const good = await outcome(rule.id, rule.good);
      expect(bad.ownAtSeverity.length, 'bad example').toBeGreaterThan(0);
      expect(bad.othersAboveInfo, 'bad example').toEqual([]);
      expect(good.othersAboveInfo, 'good example').toEqual([]);
      if (REMINDERS.has(rule.id)) expect(good.ownAtSeverity).not.toEqual(bad.ownAtSeverity);
      else expect(good.ownAtSeverity, 'good example').toEqual([]);
    });
  }
});
