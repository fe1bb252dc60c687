/**
 * The page engine's rule table: every rule the build, `npm run check` and the editor apply to one
 * page, in the order the rules page lists them. A rule lives in its family's module (rules/); the
 * image rules and the link-scheme rule are shared with the site-wide link check (links/).
 */
import type { Severity } from '../findings.ts';
import { IMAGE_RULES } from '../links/image-rules.ts';
import { SCHEME_RULE } from '../links/url-rules.ts';
import type { Rule } from '../rule.ts';
import type { PageRule } from './page-rule.ts';
import { componentRules } from './rules/components.ts';
import { frontmatterRules } from './rules/frontmatter.ts';
import { mdxRules } from './rules/mdx.ts';
import { stepRules } from './rules/steps.ts';
import { tabRules } from './rules/tabs.ts';
import { valueRules } from './rules/values.ts';

export { ruleAnchor } from '../rule.ts';

/** Rules of one page's structure and frontmatter, checked only by the page engine. */
export const GUIDE_RULES: readonly PageRule[] = [...frontmatterRules, ...mdxRules, ...stepRules, ...tabRules, ...componentRules, ...valueRules];

/** Everything the page engine reports: its own rules, and the shared image and link-scheme rules. */
export const PAGE_ENGINE_RULES: readonly Rule[] = [...GUIDE_RULES, ...IMAGE_RULES, SCHEME_RULE];

export type GuideRuleId = string;

const byId = new Map<string, Rule>(PAGE_ENGINE_RULES.map((rule) => [rule.id, rule]));

export function guideRule(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown page rule \`${id}\``);
  return rule;
}

export function guideRuleSeverity(id: string): Severity {
  return guideRule(id).severity;
}
