/**
 * The reader's own Keeper values (data center, SSO ID, Enterprise Domain, SSO provider name) and
 * the text every placeholder shows with them or without them. Pure and small: the server renders the
 * generic form with it, the browser fills the reader's values with it, and the Markdown copy and the
 * build's checks read the same names. Every URL comes from regions.ts.
 */
import { consoleUrl, DEFAULT_REGION, keeperUrls, KEEPER_REGIONS, regionById, type KeeperRegion, type KeeperRegionId, type KeeperUrls } from './regions.ts';

export interface ReaderValues {
  region: KeeperRegionId;
  ssoId?: string;
  enterpriseDomain?: string;
  providerName?: string;
}

/** The Keeper URLs a `<KeeperUrl kind="…">` can show. */
export const KEEPER_URL_KINDS = ['loginUrl', 'spEntityId', 'acs', 'slo', 'metadata', 'console'] as const;
export type KeeperUrlKind = (typeof KEEPER_URL_KINDS)[number];

/** Every name a `<Value name="…">` or a `{{name}}` in a `values` code block can use. */
export const VALUE_NAMES = [...KEEPER_URL_KINDS, 'ssoId', 'host', 'region', 'enterpriseDomain', 'providerName'] as const;
export type ValueName = (typeof VALUE_NAMES)[number];

/** What a value reads before the reader gives it: the form Keeper's own documentation writes. */
export const GENERIC_TEXT = {
  ssoId: '<SSO ID>',
  enterpriseDomain: '<Enterprise Domain>',
  providerName: '<SSO provider name>',
} as const;

export function isValueName(name: string): name is ValueName {
  return (VALUE_NAMES as readonly string[]).includes(name);
}

export function isKeeperUrlKind(kind: string): kind is KeeperUrlKind {
  return (KEEPER_URL_KINDS as readonly string[]).includes(kind);
}

function regionOf(values: ReaderValues | undefined): KeeperRegion {
  return regionById(values?.region ?? DEFAULT_REGION) ?? KEEPER_REGIONS[0]!;
}

/**
 * The text of one value: the reader's, or the generic form (`<SSO ID>`, the chosen region's host).
 * `fallback` replaces the generic form of a value the reader has not given.
 */
export function valueText(name: ValueName, values: ReaderValues | undefined, fallback?: string): string {
  const region = regionOf(values);
  switch (name) {
    case 'region':
      return region.label;
    case 'host':
      return region.host;
    case 'console':
      return consoleUrl(region);
    case 'ssoId':
      return values?.ssoId ?? fallback ?? GENERIC_TEXT.ssoId;
    case 'enterpriseDomain':
      return values?.enterpriseDomain ?? fallback ?? GENERIC_TEXT.enterpriseDomain;
    case 'providerName':
      return values?.providerName ?? fallback ?? GENERIC_TEXT.providerName;
    default:
      if (values?.ssoId === undefined && fallback !== undefined) return fallback;
      return keeperUrls(region, values?.ssoId ?? GENERIC_TEXT.ssoId)[name satisfies keyof KeeperUrls];
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** A `values` code block's text with each `{{name}}` filled; unknown names are left as written. */
export function fillTemplate(template: string, values: ReaderValues | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (isValueName(name) ? valueText(name, values) : whole));
}

/** The `{{name}}` placeholders of a template that name no value, with their offsets (for the checks). */
export function unknownPlaceholders(template: string): Array<{ name: string; offset: number }> {
  return [...template.matchAll(PLACEHOLDER)].filter((match) => !isValueName(match[1]!)).map((match) => ({ name: match[1]!, offset: match.index }));
}

/** A fenced code block's info string asks for values: ```` ```text values ````. */
export function isValuesMeta(meta: string | null | undefined): boolean {
  return meta != null && /(?:^|\s)values(?:\s|$)/.test(meta);
}

/**
 * Whether a page's MDX uses the reader's values, so it gets the "Your values" panel: a `<KeeperUrl>`,
 * a `<Value>` or a `values` code block. A cheap test of the source, before anything is parsed.
 */
export function usesReaderValues(mdx: string): boolean {
  return /<(?:KeeperUrl|Value)[\s/>]/.test(mdx) || /^[ \t]*(?:```|~~~)[^\n]*?[ \t]values(?:[ \t]|$)/m.test(mdx);
}
