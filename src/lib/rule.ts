/**
 * The one shape of a rule, whatever it checks (a page's structure, links across the site, a SAML
 * metadata file): documentation that the rules pages render and the tests run, and a check. Each
 * engine defines what its checks look at (`Check`); a rule's examples are whole inputs of that
 * engine, or fragments its example runner completes, and a test holds every bad example to exactly
 * its rule's finding and every good example to none.
 */
import type { Severity } from './findings.ts';

export interface Rule<Check = unknown> {
  /** Stable kebab-case id, namespaced by family: `steps/duplicate-id`. */
  id: string;
  severity: Severity;
  /** The norm in one sentence, stated positively: what correct content does. */
  description: string;
  /** Why it matters to the reader, the site or the sign-in. */
  why: string;
  /** How to fix a finding, in the author's or the admin's terms. */
  fix: string;
  /** An example the rule reports, and one it passes. */
  bad: string;
  good: string;
  /** What the rule looks at and how; the engine that owns the rule's table runs it. */
  check: Check;
}

/**
 * The anchor of a rule on the rules page: `steps/duplicate-id` → `rule-steps-duplicate-id`. Rule ids
 * are ASCII and stable, so anchors are made from them directly, not slugged like prose.
 */
export function ruleAnchor(id: string): string {
  return `rule-${metadataRuleAnchor(id)}`;
}

/** The anchor of a rule on the metadata rules page (`keys/expired-certificate` → `keys-expired-certificate`). */
export function metadataRuleAnchor(id: string): string {
  return id.replace(/[^a-z0-9]+/g, '-');
}

/** The URL of a rule's documentation on a rules page (`https://docs.example/rules/`). */
export function ruleUrl(rulesPage: string, id: string): string {
  return `${rulesPage}#${ruleAnchor(id)}`;
}
