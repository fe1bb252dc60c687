/**
 * The reader's values as the "Your values" panel takes them in and keeps them: validated with the
 * Login URL calculator's parser (same refusals, same messages), and read back from storage only
 * when they still validate, since storage is anyone's to edit and older formats may linger.
 */
import type { LoginUrlOptions, LoginUrlResult } from './keeper-value.ts';
import { regionById, SSO_ID_PATTERN } from './regions.ts';
import type { ReaderValues } from './reader-values.ts';

/** The one storage key (in sessionStorage, or localStorage when the reader asks to be remembered). */
export const STORAGE_KEY = 'stepdocs:reader-values';
const FORMAT = 1;

/** Free-text values are names, not documents: anything longer was not typed into this field on purpose. */
export const MAX_TEXT_LENGTH = 100;

export type KeeperValueReader = (raw: string, options: LoginUrlOptions) => LoginUrlResult;

export interface PanelInput {
  region: string;
  /** SP Entity ID, SSO ID or anything else the calculator reads; empty when not given. */
  keeperValue: string;
  enterpriseDomain: string;
  providerName: string;
}

export type PanelField = keyof PanelInput;

export type PanelResult = { ok: true; values: ReaderValues; notes: string[] } | { ok: false; field: PanelField; message: string };

/** Checks a free-text field: one line, printable, at most 100 characters. Returns the refusal, if any. */
export function textFieldError(label: string, text: string): string | undefined {
  if (text.length > MAX_TEXT_LENGTH) return `The ${label} is ${text.length} characters long; expected at most ${MAX_TEXT_LENGTH}.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return `The ${label} contains a line break or a control character; type it on one line.`;
  return undefined;
}

/** The values of the panel's fields, or the first field to fix and why. */
export function readPanel(input: PanelInput, readKeeperValue: KeeperValueReader): PanelResult {
  const region = regionById(input.region);
  if (!region) return { ok: false, field: 'region', message: `Unknown data center \`${input.region}\`.` };
  const values: ReaderValues = { region: region.id };
  const notes: string[] = [];
  if (input.keeperValue.trim() !== '') {
    const result = readKeeperValue(input.keeperValue, { region: region.id });
    if (!result.ok) return { ok: false, field: 'keeperValue', message: result.message };
    values.region = result.region.id;
    values.ssoId = result.ssoId;
    notes.push(...result.notes);
    if (result.regionSource === 'input' && result.region.id !== region.id) notes.push(`The data center is ${result.region.label}, from the pasted URL.`);
  }
  for (const [field, label] of [
    ['enterpriseDomain', 'Enterprise Domain'],
    ['providerName', 'SSO provider name'],
  ] as const) {
    const text = input[field].trim();
    if (text === '') continue;
    const error = textFieldError(label, text);
    if (error) return { ok: false, field, message: error };
    values[field] = text;
  }
  return { ok: true, values, notes };
}

export function serializeValues(values: ReaderValues): string {
  return JSON.stringify({ format: FORMAT, ...values });
}

/**
 * Values read back from storage: only a current-format record whose every field still validates
 * (a known data center, an SSO ID, short one-line texts). Anything else is discarded with a note
 * for the reader, never shown. The panel wrote the SSO ID after the calculator's parser accepted it,
 * so the SSO ID's own pattern is the check here, without loading that parser.
 */
export function parseStoredValues(text: string): { values: ReaderValues } | { discarded: string } {
  const discarded = { discarded: 'Saved values from an earlier visit could not be read and were removed; enter them again.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return discarded;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return discarded;
  const { format, region, ssoId, enterpriseDomain, providerName, ...rest } = data as Record<string, unknown>;
  if (format !== FORMAT || Object.keys(rest).length > 0 || typeof region !== 'string') return discarded;
  const known = regionById(region);
  if (!known || known.id !== region) return discarded;
  const values: ReaderValues = { region: known.id };
  if (ssoId !== undefined) {
    if (typeof ssoId !== 'string' || !SSO_ID_PATTERN.test(ssoId)) return discarded;
    values.ssoId = ssoId;
  }
  for (const [field, label, value] of [
    ['enterpriseDomain', 'Enterprise Domain', enterpriseDomain],
    ['providerName', 'SSO provider name', providerName],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() !== value || value === '' || textFieldError(label, value)) return discarded;
    values[field] = value;
  }
  return { values };
}
