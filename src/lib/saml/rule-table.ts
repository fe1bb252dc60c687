/**
 * Every metadata rule, in the order the rule documentation lists them. Adding a rule means adding
 * it to one of the area modules; this table, the engine and the rule pages pick it up.
 */
import type { MetadataRule } from './rule.ts';
import { inputRules } from './rules/input.ts';
import { xmlRules } from './rules/xml.ts';
import { documentRules } from './rules/document.ts';
import { roleRules } from './rules/roles.ts';
import { endpointRules } from './rules/endpoints.ts';
import { keyRules } from './rules/keys.ts';
import { checkerRules } from './rules/checker.ts';

/** The SAML engine's own rules, which know no product; keeper/metadata-rules.ts adds Keeper's. */
export const SAML_RULES: readonly MetadataRule[] = [...inputRules, ...xmlRules, ...documentRules, ...roleRules, ...endpointRules, ...keyRules, ...checkerRules];

/** A rule of `rules` by id; every id an engine reports is in its table. */
export function metadataRule(id: string, rules: readonly MetadataRule[] = SAML_RULES): MetadataRule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`Unknown metadata rule \`${id}\``);
  return rule;
}

export { metadataRuleAnchor } from '../rule.ts';
