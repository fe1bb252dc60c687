/**
 * The link engine's rule table: every rule `npm run check` applies across the site, in the order
 * the rules page lists them. Each rule lives in its family's module (rules/); the image rules and
 * the link-scheme rule are shared with the page engine, which the build runs.
 */
import type { Severity } from '../findings.ts';
import type { Rule } from '../rule.ts';
import { IMAGE_RULES } from './image-rules.ts';
import { externalRules } from './rules/external.ts';
import { anchorRules } from './rules/page.ts';
import { redirectRules } from './rules/redirects.ts';
import { referenceRules } from './rules/references.ts';
import { assetRules } from './rules/site.ts';
import { SCHEME_RULE } from './url-rules.ts';

export const LINK_RULES: readonly Rule[] = [...referenceRules, SCHEME_RULE, ...externalRules, ...IMAGE_RULES, ...assetRules, ...anchorRules, ...redirectRules];

export type LinkRuleId = string;

const byId = new Map<string, Rule>(LINK_RULES.map((rule) => [rule.id, rule]));

export function linkRule(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown link rule \`${id}\``);
  return rule;
}

export function linkRuleSeverity(id: string): Severity {
  return linkRule(id).severity;
}

/**
 * Rules both engines apply, which `npm run check` takes from this engine (it knows every file of the
 * content folder, for "did you mean"): the page engine's findings of these are left out of the
 * check's report, so nothing is reported twice. (`mdx/parse-error` is the parser's, in both.)
 */
export const LINK_RULE_TWINS: ReadonlySet<string> = new Set([...IMAGE_RULES.map((rule) => rule.id), SCHEME_RULE.id, 'mdx/parse-error']);
