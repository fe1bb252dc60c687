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
import { keeperRules } from './rules/keeper.ts';
import { checkerRules } from './rules/checker.ts';

export const METADATA_RULES: readonly MetadataRule[] = [...inputRules, ...xmlRules, ...documentRules, ...roleRules, ...endpointRules, ...keyRules, ...keeperRules, ...checkerRules];

const byId = new Map(METADATA_RULES.map((rule) => [rule.id, rule]));

export function metadataRule(id: string): MetadataRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown metadata rule \`${id}\``);
  return rule;
}

export { metadataRuleAnchor } from '../rule.ts';
