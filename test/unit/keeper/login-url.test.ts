import { describe, expect, it } from 'vitest';
import { computeLoginUrl, MAX_INPUT_LENGTH } from '../../../src/lib/keeper/login-url';
import { KEEPER_REGIONS } from '../../../src/lib/keeper/regions';

const ID = '459561502469';

/** Every way an admin may paste a Keeper value, for one host. */
function acceptedForms(host: string): Array<[string, string]> {
  const base = `https://${host}/api/rest/sso`;
  return [
    [`${base}/saml/${ID}`, 'sp-entity-id'],
    [`${base}/saml/sso/${ID}`, 'acs'],
    [`${base}/saml/slo/${ID}`, 'slo'],
    [`${base}/saml/metadata/${ID}`, 'metadata-url'],
    [`${base}/ext_login/${ID}`, 'login-url'],
    [`  ${base}/saml/${ID}/  \n`, 'sp-entity-id'],
    [`${base}/saml/${ID}?foo=bar#frag`, 'sp-entity-id'],
    [`http://${host}/api/rest/sso/saml/${ID}`, 'sp-entity-id'],
    [`${host}/api/rest/sso/saml/${ID}`, 'sp-entity-id'],
    [`HTTPS://${host.toUpperCase()}/api/rest/sso/saml/${ID}`, 'sp-entity-id'],
    [`<${base}/saml/${ID}>`, 'sp-entity-id'],
    [`\u200B${base}/saml/${ID}\uFEFF`, 'sp-entity-id'],
    [
      `<?xml version="1.0"?>\n<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${base}/saml/${ID}">\n  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/saml/sso/${ID}" index="0"/>\n  </md:SPSSODescriptor>\n</md:EntityDescriptor>`,
      'sp-metadata-xml',
    ],
  ];
}

describe('computeLoginUrl: accepted forms', () => {
  for (const region of KEEPER_REGIONS) {
    it.each(acceptedForms(region.host))(`${region.id}: %s`, (value, input) => {
      const result = computeLoginUrl(value, { region: 'jp' });
      expect(result).toMatchObject({ ok: true, ssoId: ID, input, regionSource: 'input' });
      if (!result.ok) return;
      expect(result.region.id).toBe(region.id);
      expect(result.urls).toEqual({
        spEntityId: `https://${region.host}/api/rest/sso/saml/${ID}`,
        acs: `https://${region.host}/api/rest/sso/saml/sso/${ID}`,
        slo: `https://${region.host}/api/rest/sso/saml/slo/${ID}`,
        metadata: `https://${region.host}/api/rest/sso/saml/metadata/${ID}`,
        loginUrl: `https://${region.host}/api/rest/sso/ext_login/${ID}`,
      });
    });

    it(`${region.id}: a bare SSO ID takes the chosen region`, () => {
      const result = computeLoginUrl(` ${ID} `, { region: region.id.toUpperCase() });
      expect(result).toMatchObject({ ok: true, ssoId: ID, regionSource: 'choice', input: 'sso-id' });
      expect(result.ok && result.urls.loginUrl).toBe(`https://${region.host}/api/rest/sso/ext_login/${ID}`);
    });
  }

  it('defaults a bare SSO ID to the US data center', () => {
    const result = computeLoginUrl(ID);
    expect(result.ok && result.urls.loginUrl).toBe(`https://keepersecurity.com/api/rest/sso/ext_login/${ID}`);
  });

  it('notes what it normalised', () => {
    const result = computeLoginUrl(`http://keepersecurity.com/api/rest/sso/saml/${ID}?x=1`);
    expect(result.ok && result.notes).toEqual([
      'The pasted URL used `http://`; Keeper serves these URLs over `https://` only.',
      'The query or fragment after the SSO ID was ignored.',
    ]);
  });
});

const HOSTS = '`keepersecurity.com`, `keepersecurity.eu`, `keepersecurity.com.au`, `keepersecurity.ca`, `keepersecurity.jp`, `govcloud.keepersecurity.us`';
const WHERE = 'Keeper shows the SP Entity ID on the SSO Connect Cloud provisioning instance (Admin Console → provisioning instance → View).';

describe('computeLoginUrl: refused inputs', () => {
  const cases: Array<[string, string, string]> = [
    ['', 'empty', `Paste Keeper's SP Entity ID (like \`https://keepersecurity.com/api/rest/sso/saml/459561502469\`) or just the SSO ID. ${WHERE}`],
    ['   \n ', 'empty', `Paste Keeper's SP Entity ID (like \`https://keepersecurity.com/api/rest/sso/saml/459561502469\`) or just the SSO ID. ${WHERE}`],
    [
      `https://keepersecurity.com.evil.example/api/rest/sso/saml/${ID}`,
      'not-keeper-host',
      `\`keepersecurity.com.evil.example\` is not a Keeper data center; expected one of ${HOSTS}.`,
    ],
    [
      `https://evil.example/keepersecurity.com/api/rest/sso/saml/${ID}`,
      'not-keeper-host',
      `\`evil.example\` is not a Keeper data center; expected one of ${HOSTS}.`,
    ],
    [`evil.example/keepersecurity.com/api/rest/sso/saml/${ID}`, 'not-keeper-host', `\`evil.example\` is not a Keeper data center; expected one of ${HOSTS}.`],
    [
      `https://keepersecurity.com@evil.example/api/rest/sso/saml/${ID}`,
      'userinfo',
      'The URL has a user name before `@`, so it really points at `evil.example`, not at Keeper. Keeper URLs never contain `@`; copy the SP Entity ID again from Keeper.',
    ],
    [
      `https://user:pw@keepersecurity.com/api/rest/sso/saml/${ID}`,
      'userinfo',
      'The URL has a user name before `@`, so it really points at `keepersecurity.com`, not at Keeper. Keeper URLs never contain `@`; copy the SP Entity ID again from Keeper.',
    ],
    [
      `https://keepersecurіty.com/api/rest/sso/saml/${ID}`,
      'lookalike-host',
      "The host `keepersecurіty.com` contains non-ASCII characters that imitate Keeper's name; it is not a Keeper host. Type the address by hand or copy it again from the Keeper Admin Console.",
    ],
    [
      `https://xn--keepersecurty-8sj.com/api/rest/sso/saml/${ID}`,
      'lookalike-host',
      "The host `xn--keepersecurty-8sj.com` contains non-ASCII characters that imitate Keeper's name; it is not a Keeper host. Type the address by hand or copy it again from the Keeper Admin Console.",
    ],
    [
      'javascript:alert(document.domain)',
      'dangerous-scheme',
      "A `javascript:` URL is never a Keeper URL and will not be used; expected an https:// address on one of Keeper's hosts.",
    ],
    [
      'JavaScript:alert(1)//keepersecurity.com/api/rest/sso/saml/1',
      'dangerous-scheme',
      "A `javascript:` URL is never a Keeper URL and will not be used; expected an https:// address on one of Keeper's hosts.",
    ],
    [
      'data:text/html,<script>alert(1)</script>',
      'dangerous-scheme',
      "A `data:` URL is never a Keeper URL and will not be used; expected an https:// address on one of Keeper's hosts.",
    ],
    [
      `ftp://keepersecurity.com/api/rest/sso/saml/${ID}`,
      'unsupported-scheme',
      `\`ftp:\` is not a web address; expected an https:// URL on one of Keeper's hosts (${HOSTS}).`,
    ],
    [
      `https://keepersecurity.com:8443/api/rest/sso/saml/${ID}`,
      'port',
      "The URL names port `8443`; Keeper's SSO Connect Cloud URLs use the standard https port. Remove `:8443`.",
    ],
    [
      'https://keepersecurity.com/vault/',
      'not-sso-path',
      '`/vault/` on `keepersecurity.com` is not an SSO Connect Cloud URL; expected a path like `/api/rest/sso/saml/459561502469` ending in the SSO ID.',
    ],
    [
      'https://keepersecurity.com/api/rest/sso/saml/abc',
      'not-sso-path',
      '`/api/rest/sso/saml/abc` on `keepersecurity.com` is not an SSO Connect Cloud URL; expected a path like `/api/rest/sso/saml/459561502469` ending in the SSO ID.',
    ],
    [
      'https://sso.example.com/sso-connect/saml/login',
      'on-prem',
      'This is an SSO Connect On-Prem address (`…/sso-connect…` on `sso.example.com`). The Login URL here is for SSO Connect Cloud; On-Prem serves its own endpoints from your server, so use the values its configuration screen shows.',
    ],
    [
      'https://sso.jumpcloud.com/saml2/keeper',
      'idp-url',
      `\`sso.jumpcloud.com\` is JumpCloud's address, not Keeper's. The Login URL is built from Keeper's SP Entity ID (like \`https://keepersecurity.com/api/rest/sso/saml/459561502469\`). ${WHERE}`,
    ],
    [
      '0459561502469',
      'bad-sso-id',
      '`0459561502469` is not an SSO ID; expected a whole number without leading zeros, like `459561502469` (at most 20 digits).',
    ],
    [
      '123456789012345678901',
      'bad-sso-id',
      '`123456789012345678901` is not an SSO ID; expected a whole number without leading zeros, like `459561502469` (at most 20 digits).',
    ],
    [
      'not a url at all',
      'not-a-keeper-value',
      "`not a url at all` is neither an SSO ID nor a URL; expected Keeper's SP Entity ID, like `https://keepersecurity.com/api/rest/sso/saml/459561502469`, or the SSO ID alone.",
    ],
    [
      '<!DOCTYPE x [<!ENTITY a "aaaa">]><EntityDescriptor entityID="&a;"/>',
      'xml-doctype',
      'The XML has a DOCTYPE, which SAML metadata never needs and which can hide entity-expansion attacks; it was not read. Export the metadata from Keeper again.',
    ],
    [
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/1"><md:SPSSODescriptor>',
      'xml-malformed',
      'The pasted XML is malformed at line 1, column 148 (the file ends with `<md:EntityDescriptor>`, `<md:SPSSODescriptor>` still open (truncated or cut short)); copy the whole file again.',
    ],
    [
      '<EntityDescriptor xmlns="urn:example:not-saml" entityID="https://keepersecurity.com/api/rest/sso/saml/1"><SPSSODescriptor/></EntityDescriptor>',
      'not-metadata',
      "The pasted XML is not SAML metadata (no `EntityDescriptor`); paste Keeper's SP metadata, its SP Entity ID or the SSO ID.",
    ],
    [
      '<html><body>Sign in</body></html>',
      'not-metadata',
      "The pasted XML is not SAML metadata (no `EntityDescriptor`); paste Keeper's SP metadata, its SP Entity ID or the SSO ID.",
    ],
    [
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sso.jumpcloud.com/saml2/keeper"><IDPSSODescriptor/></EntityDescriptor>',
      'idp-metadata',
      `This is your identity provider's metadata (\`https://sso.jumpcloud.com/saml2/keeper\`, with an IDPSSODescriptor), not Keeper's. It belongs in Keeper (step 5); for the Login URL, paste Keeper's SP metadata or SP Entity ID. ${WHERE}`,
    ],
    [
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com.evil.example/api/rest/sso/saml/1"><SPSSODescriptor/></EntityDescriptor>',
      'not-keeper-metadata',
      "The metadata's entityID `https://keepersecurity.com.evil.example/api/rest/sso/saml/1` is not a Keeper SP Entity ID; expected `https://<Keeper host>/api/rest/sso/saml/<SSO ID>`.",
    ],
  ];

  it.each(cases)('%j', (value, code, message) => {
    expect(computeLoginUrl(value)).toEqual({ ok: false, code, message });
  });

  it('refuses an unknown region for a bare SSO ID', () => {
    expect(computeLoginUrl(ID, { region: 'mars' })).toEqual({
      ok: false,
      code: 'unknown-region',
      message: 'Unknown data center `mars`; expected one of `us`, `eu`, `au`, `ca`, `jp`, `gov`.',
    });
  });

  it('refuses input longer than the cap without parsing it', () => {
    const result = computeLoginUrl('<'.padEnd(MAX_INPUT_LENGTH + 1, 'x'));
    expect(result).toMatchObject({ ok: false, code: 'too-long' });
  });

  it('never yields a URL outside the six hosts, whatever the input', () => {
    const hosts = new Set(KEEPER_REGIONS.map((region) => region.host));
    const tricky = [
      'https://keepersecurity.com\\@evil.example/api/rest/sso/saml/1',
      'https://keepersecurity.com%2eevil.example/api/rest/sso/saml/1',
      'https://evil.example#@keepersecurity.com/api/rest/sso/saml/1',
      '//evil.example/api/rest/sso/saml/1',
      'https://keepersecurity.com./api/rest/sso/saml/1',
      'https:/\\evil.example/api/rest/sso/saml/1',
    ];
    for (const value of tricky) {
      const result = computeLoginUrl(value);
      if (result.ok) for (const url of Object.values(result.urls)) expect(hosts.has(new URL(url).hostname)).toBe(true);
    }
  });
});
