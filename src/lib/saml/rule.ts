/**
 * The shape of a metadata rule: documentation (id, severity, why, fix, examples) and a check that
 * runs at one stage of the engine. One rule table (rule-table.ts) lists them all; the rule pages and
 * the engine both read it.
 */
import type { Place, Severity } from '../findings.ts';
import type { Rule } from '../rule.ts';
import type { EntityModel } from './model.ts';
import type { Locator, XmlElement } from './xml-tree.ts';

export type Expectation = 'idp' | 'sp' | 'any';

/** The reader's Keeper instance, when they gave it on the guide: the checker compares Keeper URLs with it. */
export interface ReaderKeeperValues {
  region: string;
  host: string;
  ssoId: string;
}

export type Report = (finding: { place?: Place | undefined; reason: string; note?: string; severity?: Severity }) => void;

export interface TextContext {
  text: string;
  bytes: Uint8Array;
  place(offset: number): Place;
}

export interface DocumentContext {
  text: string;
  root: XmlElement;
  locator: Locator;
  entities: EntityModel[];
  /** Whether the root is an aggregate (EntitiesDescriptor). */
  aggregate: boolean;
  now: Date;
  expect: Expectation;
  reader?: ReaderKeeperValues | undefined;
}

export interface EntityContext extends DocumentContext {
  entity: EntityModel;
}

export type Check =
  | { stage: 'text'; run(context: TextContext, report: Report): void }
  | { stage: 'document'; run(context: DocumentContext, report: Report): void }
  | { stage: 'entity'; run(context: EntityContext, report: Report): void }
  /** Reported by the engine itself (input handling, XML safety): documented here, run there. */
  | { stage: 'engine' };

/** A metadata rule: the shared rule shape, checked at one stage of the metadata engine. */
export type MetadataRule = Rule<Check>;

export function defineRules(rules: MetadataRule[]): MetadataRule[] {
  return rules;
}
