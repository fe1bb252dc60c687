/**
 * The part of the Login URL parser that needs no XML reader: SSO IDs and SSO Connect Cloud URLs,
 * with every refusal. login-url.ts adds Keeper's SP metadata XML; the "Your values" panel uses this
 * part alone, so a guide page does not load an XML parser until a reader pastes XML.
 */
import { abbreviate } from '../findings.ts';
import {
  DEFAULT_REGION,
  KEEPER_REGIONS,
  keeperUrls,
  matchKeeperPath,
  regionByHost,
  regionById,
  SSO_ID_PATTERN,
  type KeeperRegion,
  type KeeperUrls,
} from './regions.ts';

export type InputKind = 'sso-id' | 'sp-entity-id' | 'acs' | 'slo' | 'metadata-url' | 'login-url' | 'sp-metadata-xml';

export interface LoginUrlSuccess {
  ok: true;
  ssoId: string;
  region: KeeperRegion;
  /** Whether the region came from the pasted URL or from the caller's choice (bare SSO ID). */
  regionSource: 'input' | 'choice';
  input: InputKind;
  urls: KeeperUrls;
  /** Notes about what was normalised, e.g. `http://` upgraded to `https://`. */
  notes: string[];
}

export type LoginUrlErrorCode =
  | 'empty'
  | 'too-long'
  | 'not-a-keeper-value'
  | 'bad-sso-id'
  | 'dangerous-scheme'
  | 'unsupported-scheme'
  | 'userinfo'
  | 'lookalike-host'
  | 'not-keeper-host'
  | 'idp-url'
  | 'port'
  | 'on-prem'
  | 'not-sso-path'
  | 'unknown-region'
  | 'xml-doctype'
  | 'xml-malformed'
  | 'idp-metadata'
  | 'not-keeper-metadata'
  | 'not-metadata';

export interface LoginUrlError {
  ok: false;
  code: LoginUrlErrorCode;
  message: string;
}

export type LoginUrlResult = LoginUrlSuccess | LoginUrlError;

export interface LoginUrlOptions {
  /** Region for a bare SSO ID; ignored when the input names a host. Default `us`. */
  region?: string;
}

/** Longest input accepted: SP metadata is a few kilobytes; a megabyte is not something to parse as you type. */
export const MAX_INPUT_LENGTH = 1_000_000;

const HOSTS = KEEPER_REGIONS.map((region) => `\`${region.host}\``).join(', ');
export const WHERE_TO_FIND = 'Keeper shows the SP Entity ID on the SSO Connect Cloud provisioning instance (Admin Console → provisioning instance → View).';

/** Identity providers whose URLs admins paste by mistake, by host suffix. */
const IDP_HOSTS: ReadonlyArray<[string, string]> = [
  ['jumpcloud.com', 'JumpCloud'],
  ['okta.com', 'Okta'],
  ['oktapreview.com', 'Okta'],
  ['login.microsoftonline.com', 'Microsoft Entra ID'],
  ['sts.windows.net', 'Microsoft Entra ID'],
  ['accounts.google.com', 'Google Workspace'],
  ['onelogin.com', 'OneLogin'],
  ['pingone.com', 'PingOne'],
  ['auth0.com', 'Auth0'],
];

export function fail(code: LoginUrlErrorCode, message: string): LoginUrlError {
  return { ok: false, code, message };
}

/** Whether the text is XML (read by login-url.ts), not an SSO ID or a URL (read here). */
export function isXmlInput(raw: string): boolean {
  const value = trimPasted(raw);
  return value.startsWith('<') && !/^<([^<>\s]+)>$/.test(value);
}

function trimPasted(raw: string): string {
  // Trim whitespace and the invisible characters that come along with copy-paste.
  return raw.replace(/^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g, '');
}

/** An SSO ID or a Keeper URL; XML goes to `readXml` (login-url.ts passes the metadata reader). */
export function readKeeperValue(raw: string, options: LoginUrlOptions, readXml: (value: string) => LoginUrlResult): LoginUrlResult {
  if (raw.length > MAX_INPUT_LENGTH) {
    return fail(
      'too-long',
      `The pasted text is ${raw.length.toLocaleString('en')} characters long; expected an SSO ID, a Keeper URL or Keeper's SP metadata (at most ${MAX_INPUT_LENGTH.toLocaleString('en')} characters).`,
    );
  }
  const value = trimPasted(raw);
  if (value === '')
    return fail(
      'empty',
      `Paste Keeper's SP Entity ID (like \`https://keepersecurity.com/api/rest/sso/saml/459561502469\`) or just the SSO ID. ${WHERE_TO_FIND}`,
    );
  // `<https://…>` is how Markdown and e-mail wrap a URL; anything else starting with `<` is XML.
  const autolink = /^<([^<>\s]+)>$/.exec(value)?.[1];
  if (autolink === undefined && value.startsWith('<')) return readXml(value);
  const text = autolink ?? value;
  if (/^\d+$/.test(text)) return fromSsoId(text, options);
  return fromUrl(text);
}

function fromSsoId(ssoId: string, options: LoginUrlOptions): LoginUrlResult {
  if (!SSO_ID_PATTERN.test(ssoId)) {
    return fail('bad-sso-id', `\`${ssoId}\` is not an SSO ID; expected a whole number without leading zeros, like \`459561502469\` (at most 20 digits).`);
  }
  const region = regionById(options.region ?? DEFAULT_REGION);
  if (!region) {
    return fail(
      'unknown-region',
      `Unknown data center \`${options.region}\`; expected one of ${KEEPER_REGIONS.map((candidate) => `\`${candidate.id}\``).join(', ')}.`,
    );
  }
  return { ok: true, ssoId, region, regionSource: 'choice', input: 'sso-id', urls: keeperUrls(region, ssoId), notes: [] };
}

const KIND_TO_INPUT: Record<keyof KeeperUrls, InputKind> = {
  spEntityId: 'sp-entity-id',
  acs: 'acs',
  slo: 'slo',
  metadata: 'metadata-url',
  loginUrl: 'login-url',
};

export function fromUrl(value: string): LoginUrlResult {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && ['javascript', 'data', 'vbscript', 'blob', 'file'].includes(scheme)) {
    return fail('dangerous-scheme', `A \`${scheme}:\` URL is never a Keeper URL and will not be used; expected an https:// address on one of Keeper's hosts.`);
  }
  const notes: string[] = [];
  let text = value;
  // Admins often paste `keepersecurity.com/api/…` without a scheme; anything else with a colon is not a web URL.
  if (!scheme || /^[a-z0-9.-]+:\d+(?:[/?#]|$)/i.test(value)) {
    if (/^\/\//.test(text)) text = `https:${text}`;
    else text = `https://${text}`;
  } else if (scheme !== 'http' && scheme !== 'https') {
    return fail('unsupported-scheme', `\`${scheme}:\` is not a web address; expected an https:// URL on one of Keeper's hosts (${HOSTS}).`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(
      'not-a-keeper-value',
      `\`${abbreviate(value)}\` is neither an SSO ID nor a URL; expected Keeper's SP Entity ID, like \`https://keepersecurity.com/api/rest/sso/saml/459561502469\`, or the SSO ID alone.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return fail(
      'userinfo',
      `The URL has a user name before \`@\`, so it really points at \`${url.hostname}\`, not at Keeper. Keeper URLs never contain \`@\`; copy the SP Entity ID again from Keeper.`,
    );
  }
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text)?.[1] ?? '';
  // Non-ASCII letters in the host are how look-alike domains (Cyrillic "і" for "i") are made.
  if (/[^\x00-\x7f]/.test(authority) || url.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    return fail(
      'lookalike-host',
      `The host \`${authority}\` contains non-ASCII characters that imitate Keeper's name; it is not a Keeper host. Type the address by hand or copy it again from the Keeper Admin Console.`,
    );
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (/^\/sso-connect(?:[/?#]|$)/i.test(url.pathname) || /\/sso-connect\//i.test(url.pathname)) {
    return fail(
      'on-prem',
      `This is an SSO Connect On-Prem address (\`…/sso-connect…\` on \`${host}\`). The Login URL here is for SSO Connect Cloud; On-Prem serves its own endpoints from your server, so use the values its configuration screen shows.`,
    );
  }
  const region = regionByHost(host);
  if (!region) {
    const idp = IDP_HOSTS.find(([suffix]) => host === suffix || host.endsWith(`.${suffix}`));
    if (idp) {
      return fail(
        'idp-url',
        `\`${host}\` is ${idp[1]}'s address, not Keeper's. The Login URL is built from Keeper's SP Entity ID (like \`https://keepersecurity.com/api/rest/sso/saml/459561502469\`). ${WHERE_TO_FIND}`,
      );
    }
    return fail('not-keeper-host', `\`${host}\` is not a Keeper data center; expected one of ${HOSTS}.`);
  }
  if (url.port !== '') {
    return fail('port', `The URL names port \`${url.port}\`; Keeper's SSO Connect Cloud URLs use the standard https port. Remove \`:${url.port}\`.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  const match = matchKeeperPath(path);
  if (!match) {
    return fail(
      'not-sso-path',
      `\`${abbreviate(url.pathname)}\` on \`${host}\` is not an SSO Connect Cloud URL; expected a path like \`/api/rest/sso/saml/459561502469\` ending in the SSO ID.`,
    );
  }
  if (url.protocol === 'http:') notes.push('The pasted URL used `http://`; Keeper serves these URLs over `https://` only.');
  if (url.search !== '' || url.hash !== '') notes.push('The query or fragment after the SSO ID was ignored.');
  return { ok: true, ssoId: match.ssoId, region, regionSource: 'input', input: KIND_TO_INPUT[match.kind], urls: keeperUrls(region, match.ssoId), notes };
}
