/**
 * Keeper's data centers and the SSO Connect Cloud URL shapes, from Keeper's public documentation
 * and Keeper Commander. The only hosts stepdocs will ever build a Keeper URL on.
 */
export interface KeeperRegion {
  id: 'us' | 'eu' | 'au' | 'ca' | 'jp' | 'gov';
  label: string;
  host: string;
}

export const KEEPER_REGIONS: readonly KeeperRegion[] = [
  { id: 'us', label: 'United States', host: 'keepersecurity.com' },
  { id: 'eu', label: 'European Union', host: 'keepersecurity.eu' },
  { id: 'au', label: 'Australia', host: 'keepersecurity.com.au' },
  { id: 'ca', label: 'Canada', host: 'keepersecurity.ca' },
  { id: 'jp', label: 'Japan', host: 'keepersecurity.jp' },
  { id: 'gov', label: 'US GovCloud', host: 'govcloud.keepersecurity.us' },
];

export type KeeperRegionId = KeeperRegion['id'];

/** An SSO ID: a whole number without leading zeros, at most 20 digits (the end of every SSO Connect Cloud URL). */
export const SSO_ID_PATTERN = /^[1-9]\d{0,19}$/;

export const DEFAULT_REGION: KeeperRegionId = 'us';

export function regionById(id: string): KeeperRegion | undefined {
  return KEEPER_REGIONS.find((region) => region.id === id.toLowerCase());
}

export function regionByHost(host: string): KeeperRegion | undefined {
  return KEEPER_REGIONS.find((region) => region.host === host);
}

/** Every SSO Connect Cloud URL of one SSO ID in one region. */
export interface KeeperUrls {
  /** Identifies Keeper to the IdP: `https://<host>/api/rest/sso/saml/<id>`. */
  spEntityId: string;
  /** Where the IdP posts assertions: `…/saml/sso/<id>`. */
  acs: string;
  /** Single Logout: `…/saml/slo/<id>`. */
  slo: string;
  /** Keeper's SP metadata: `…/saml/metadata/<id>`. */
  metadata: string;
  /** IdP-initiated login: `…/ext_login/<id>`. */
  loginUrl: string;
}

/**
 * The Keeper Admin Console of a region: `https://<host>/console`. Keeper's "Keeper Admin Console
 * Overview" (docs.keeper.io/en/enterprise-guide/getting-started-with-keeper-admin-console) lists it on
 * each of the six hosts above. No other per-region page (the vault included) is built here: Keeper's
 * public documentation does not list those per region.
 */
export function consoleUrl(region: KeeperRegion): string {
  return `https://${region.host}/console`;
}

export function keeperUrls(region: KeeperRegion, ssoId: string): KeeperUrls {
  const base = `https://${region.host}/api/rest/sso`;
  return {
    spEntityId: `${base}/saml/${ssoId}`,
    acs: `${base}/saml/sso/${ssoId}`,
    slo: `${base}/saml/slo/${ssoId}`,
    metadata: `${base}/saml/metadata/${ssoId}`,
    loginUrl: `${base}/ext_login/${ssoId}`,
  };
}

/** Which Keeper URL a path is, and its SSO ID: `/api/rest/sso/saml/sso/123` → acs, 123. */
export function matchKeeperPath(path: string): { kind: keyof KeeperUrls; ssoId: string } | undefined {
  const match = /^\/api\/rest\/sso\/(?:(saml)\/(?:(sso|slo|metadata)\/)?|(ext_login)\/)(\d+)$/.exec(path);
  if (!match) return undefined;
  const kind = match[3] ? 'loginUrl' : match[2] === 'sso' ? 'acs' : match[2] === 'slo' ? 'slo' : match[2] === 'metadata' ? 'metadata' : 'spEntityId';
  return { kind, ssoId: match[4]! };
}
