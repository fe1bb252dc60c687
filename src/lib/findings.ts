/**
 * One finding shape for everything stepdocs checks (guide structure, links, metadata).
 * It follows vfile-message conventions: `reason`, `ruleId`, `source`, `place`, `note`, `url`,
 * with `severity` spelled out instead of vfile's `fatal` tri-state.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Place {
  line: number;
  column: number;
}

export interface Finding {
  /** Stable kebab-case id, namespaced by area: `steps/duplicate-id`. */
  ruleId: string;
  severity: Severity;
  /** What was found and what was expected, values in backticks. */
  reason: string;
  /** Path of the file, relative to the project root where possible. */
  file: string;
  place?: Place;
  /** How to fix it. */
  note?: string;
  /** Link to the rule's documentation. */
  url?: string;
  /** Tool that produced it (`stepdocs-guide`, `stepdocs-links`, …). */
  source?: string;
}

/** What every rule table lists of a rule, and what SARIF reports name as the tool's rules. */
export interface RuleSummary {
  id: string;
  severity: Severity;
  description: string;
}

/** Formats a finding the way authors read it: `file:line:col severity reason (rule-id)`, then the hint. */
export function formatFinding(finding: Finding): string {
  const where = finding.place ? `${finding.file}:${finding.place.line}:${finding.place.column}` : finding.file;
  let text = `${where} ${finding.severity} ${finding.reason} (${finding.ruleId})`;
  if (finding.note) text += `\n  hint: ${finding.note}`;
  return text;
}

/** Orders findings by file, then position, so reports read top to bottom. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.place?.line ?? 0;
  const lb = b.place?.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.place?.column ?? 0) - (b.place?.column ?? 0);
}

export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** A value quoted in a message, cut to `max` characters with an ellipsis so messages stay one line. */
export function abbreviate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The first `limit` findings of each rule, in order, and how many of each rule were left out: a
 * 100,000-entity aggregate can have a finding per entity, which no reader scrolls and no page renders fast.
 */
export function firstOfEachRule(findings: readonly Finding[], limit: number): { shown: Finding[]; hidden: Array<{ ruleId: string; count: number }> } {
  const seen = new Map<string, number>();
  const shown: Finding[] = [];
  for (const finding of findings) {
    const count = (seen.get(finding.ruleId) ?? 0) + 1;
    seen.set(finding.ruleId, count);
    if (count <= limit) shown.push(finding);
  }
  const hidden = [...seen].filter(([, count]) => count > limit).map(([ruleId, count]) => ({ ruleId, count: count - limit }));
  return { shown, hidden };
}
