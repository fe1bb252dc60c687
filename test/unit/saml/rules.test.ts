/**
 * Every metadata rule, crafted: one passing document and the documents that trigger the rule, with
 * the exact text the admin reads. Certificate dates are judged against an injected clock.
 */
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../../src/lib/saml/check-metadata';
import { checkMetadata } from '../../../src/lib/keeper/metadata-rules';
import { METADATA_RULES } from '../../../src/lib/keeper/metadata-rules';
import { encode, idpMetadata, keyDescriptor, NOW, OKTA_CERT, POST, REDIRECT, spMetadata, ssoService, WEAK_CERT } from './fixtures';

/** `rule-id line:col reason` for every finding except the listed always-on infos. */
async function findings(input: string | Uint8Array, options: CheckOptions = {}, keepInfo = false): Promise<string[]> {
  const report = await checkMetadata(typeof input === 'string' ? encode(input) : input, { now: NOW, file: 'idp.xml', ...options });
  return report.findings
    .filter((finding) => keepInfo || !finding.ruleId.startsWith('keeper/'))
    .map((finding) => `${finding.ruleId} ${finding.place ? `${finding.place.line}:${finding.place.column}` : '-'} ${finding.reason}`);
}

describe('a valid JumpCloud-shaped IdP file', () => {
  it('passes with only the Keeper notes', async () => {
    expect(await findings(idpMetadata(), {}, true)).toEqual([
      'keeper/metadata-signature 2:1 The metadata is not signed; Keeper does not require a metadata signature',
      "keeper/assertion-attributes 3:1 Keeper needs the assertion to carry the attributes `First`, `Last` and `Email` and a NameID that is the user's email address; check the attribute mapping in the identity provider",
    ]);
  });

  it('summarises the entity for comparison with the IdP console', async () => {
    const report = await checkMetadata(encode(idpMetadata()), { now: NOW });
    expect(report.kind).toBe('idp');
    expect(report.encoding).toBe('UTF-8');
    expect(report.entities).toEqual([
      {
        entityId: 'JumpCloud',
        roles: ['IdP'],
        otherRoles: [],
        sso: [
          { binding: 'HTTP-Redirect', location: 'https://sso.jumpcloud.com/saml2/keeper' },
          { binding: 'HTTP-POST', location: 'https://sso.jumpcloud.com/saml2/keeper' },
        ],
        slo: [{ binding: 'HTTP-Redirect', location: 'https://sso.jumpcloud.com/saml2/keeper/logout' }],
        acs: [],
        nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
        certificates: [
          {
            role: 'IdP',
            use: 'signing',
            subject: 'C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-513394, E=info@okta.com',
            issuer: 'C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-513394, E=info@okta.com',
            keyType: 'RSA',
            keySize: 2048,
            signatureAlgorithm: 'sha256WithRSAEncryption',
            notBefore: '2018-09-07T14:32:59.000Z',
            notAfter: '2028-09-07T14:33:59.000Z',
            sha256: 'D4:0D:F0:1C:CE:DE:49:D2:07:CB:6D:8A:BD:15:77:0A:4B:6E:CA:14:A8:54:48:C2:95:9A:98:F8:5D:C3:1E:D4',
            sha1: '89:5F:56:4E:04:D3:9E:8A:A2:80:1D:93:82:12:F2:A5:7E:3F:44:CF',
          },
        ],
        signed: false,
      },
    ]);
  });

  it('accepts an http:// entityID and a URN', async () => {
    expect(await findings(idpMetadata({ entityId: 'http://www.okta.com/exk123' }))).toEqual([]);
    expect(await findings(idpMetadata({ entityId: 'urn:dev-tyj7qyzz.auth0.com' }))).toEqual([]);
  });
});

describe('input rules', () => {
  const cases: Array<[string, string | Uint8Array, string[]]> = [
    ['input/empty', '', ['input/empty - The file is empty (0 bytes); expected SAML metadata XML']],
    [
      'input/not-xml (PEM)',
      `-----BEGIN CERTIFICATE-----\n${OKTA_CERT}\n-----END CERTIFICATE-----\n`,
      ['input/not-xml 1:1 This is a PEM certificate, not metadata; expected the metadata XML, which contains the certificate'],
    ],
    ['input/not-xml (JSON)', '{"entityID": "JumpCloud"}', ['input/not-xml 1:1 This is JSON, not SAML metadata; expected an XML file starting with `<`']],
    [
      'input/not-xml (base64 XML)',
      btoa(idpMetadata()),
      ['input/not-xml 1:1 This is base64-encoded XML; decode it first (or download the metadata as XML) and check the decoded file'],
    ],
    [
      'input/not-xml (base64 certificate)',
      OKTA_CERT,
      ['input/not-xml 1:1 This is a base64 certificate, not metadata; expected the metadata XML, which contains the certificate'],
    ],
    [
      'input/html-page',
      '\n<!DOCTYPE html>\n<html><head><title>Sign In - JumpCloud</title></head><body></body></html>',
      ['input/html-page 2:1 This is an HTML web page ("Sign In - JumpCloud"), not SAML metadata; it was probably saved from a browser instead of downloaded'],
    ],
    [
      'input/encoding (declared)',
      '<?xml version="1.0" encoding="EBCDIC-CP-US"?><a/>',
      ['input/encoding - The XML declaration names encoding `ebcdic-cp-us`, which the checker cannot read; expected UTF-8 or UTF-16'],
    ],
    [
      'input/encoding (bad bytes)',
      new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]),
      [
        'input/encoding - The file is not valid UTF-8: some bytes do not form characters. It may be a different encoding than its declaration says, or not a text file at all',
      ],
    ],
  ];
  it.each(cases)('%s', async (_name, input, expected) => {
    expect(await findings(input)).toEqual(expected);
  });

  it('input/too-large: refuses a file over the configured cap without reading it', async () => {
    expect(await findings(idpMetadata(), { maxBytes: 1000 })).toEqual([
      "input/too-large - The file is 2.2 KB; the limit is 1000 bytes, far more than any identity provider's metadata",
    ]);
  });

  it.each([
    ['UTF-8 with BOM', (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]), 'UTF-8'],
    ['UTF-16 LE with BOM', (text: string) => utf16(text, true, true), 'UTF-16LE'],
    ['UTF-16 BE with BOM', (text: string) => utf16(text, false, true), 'UTF-16BE'],
    ['UTF-16 LE without BOM', (text: string) => utf16(text, true, false), 'UTF-16LE'],
  ])('reads %s', async (_name, encodeAs, encoding) => {
    const report = await checkMetadata(encodeAs(idpMetadata()), { now: NOW });
    expect(report.encoding).toBe(encoding);
    expect(report.kind).toBe('idp');
    expect(report.counts.error).toBe(0);
  });
});

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const body = text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const bytes = new Uint8Array((body.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let index = 0; index < body.length; index += 1) view.setUint16(offset + index * 2, body.charCodeAt(index), littleEndian);
  return bytes;
}

describe('XML rules', () => {
  it('xml/doctype: rejects a DOCTYPE without expanding it', async () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&lol2;"/>`;
    expect(await findings(bomb)).toEqual([
      'xml/doctype 2:1 The XML has a DOCTYPE declaration; it was rejected without expanding entities or fetching anything',
    ]);
    const external = '<!DOCTYPE x SYSTEM "http://attacker.example/x.dtd"><x/>';
    expect(await findings(external)).toEqual([
      'xml/doctype 1:1 The XML has a DOCTYPE declaration; it was rejected without expanding entities or fetching anything',
    ]);
  });

  it('xml/malformed: a truncated file names the tags left open, at its end', async () => {
    const truncated = idpMetadata().slice(0, idpMetadata().indexOf('<md:KeyDescriptor'));
    expect(await findings(truncated)).toEqual([
      'xml/malformed 4:1 The XML is not well-formed: the file ends with `<md:EntityDescriptor>`, `<md:IDPSSODescriptor>` still open (truncated or cut short)',
    ]);
  });

  it.each([
    ['truncated', idpMetadata().slice(0, 400), /^xml\/malformed \d+:\d+ The XML is not well-formed: /],
    [
      'mismatched tags',
      idpMetadata().replace('</md:IDPSSODescriptor>', '</md:IDPSSODescriptor2>'),
      /^xml\/malformed 9:1 The XML is not well-formed: Expected closing tag 'md:IDPSSODescriptor' \(opened in line 3, col 1\) instead of closing tag 'md:IDPSSODescriptor2'$/,
    ],
    [
      'two roots',
      `${idpMetadata()}\n${idpMetadata().replace(/^<\?xml[^>]*>\n/, '')}`,
      /^xml\/malformed 12:\d+ The XML is not well-formed: Multiple possible root nodes found$/,
    ],
  ])('xml/malformed: %s', async (_name, text, expected) => {
    const result = await findings(text);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(expected);
  });
});

describe('document rules', () => {
  it('document/not-metadata: a SAML Response', async () => {
    expect(await findings('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="x"/>')).toEqual([
      'document/not-metadata 1:1 This is a SAML Response (the message an identity provider sends at login), not metadata; expected a root `EntityDescriptor`',
    ]);
  });

  it('document/not-metadata: another XML document', async () => {
    expect(await findings('<settings xmlns="urn:example"><x/></settings>')).toEqual([
      'document/not-metadata 1:1 The root element is `<settings>` in namespace `urn:example`; expected SAML metadata, `<md:EntityDescriptor>` or `<md:EntitiesDescriptor>`',
    ]);
  });

  it('document/wrong-namespace: no namespace, another namespace, an undeclared prefix', async () => {
    expect(await findings('<EntityDescriptor entityID="x"><IDPSSODescriptor/></EntityDescriptor>')).toEqual([
      'document/wrong-namespace 1:1 `<EntityDescriptor>` is not SAML metadata because it is in no namespace; expected namespace `urn:oasis:names:tc:SAML:2.0:metadata`',
    ]);
    expect(await findings('<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:1.0:metadata" entityID="x"/>')).toEqual([
      'document/wrong-namespace 1:1 `<EntityDescriptor>` is not SAML metadata because it is in namespace `urn:oasis:names:tc:SAML:1.0:metadata`; expected namespace `urn:oasis:names:tc:SAML:2.0:metadata`',
    ]);
    expect(await findings('<md:EntityDescriptor entityID="x"/>')).toEqual([
      'document/wrong-namespace 1:1 `<md:EntityDescriptor>` is not SAML metadata because prefix `md:` is not declared; expected namespace `urn:oasis:names:tc:SAML:2.0:metadata`',
    ]);
  });

  it('resolves namespaces, not prefixes: a default namespace and an unusual prefix both pass', async () => {
    const unprefixed = idpMetadata().replace(/md:/g, '').replace('xmlns:md=', 'xmlns=');
    expect(await findings(unprefixed)).toEqual([]);
    const renamed = idpMetadata().replace(/md:/g, 'saml2md:').replace('xmlns:saml2md=', 'xmlns:saml2md=');
    expect(await findings(renamed.replace('xmlns:md=', 'xmlns:saml2md='))).toEqual([]);
  });

  it('document/missing-entity-id', async () => {
    expect(await findings(idpMetadata({ entityId: null }))).toEqual(['document/missing-entity-id 2:1 `EntityDescriptor` has no `entityID` attribute']);
    expect(await findings(idpMetadata({ entityId: '  ' }))).toEqual(['document/missing-entity-id 2:1 `entityID` is empty']);
  });

  it('document/invalid-entity-id', async () => {
    expect(await findings(idpMetadata({ entityId: ' JumpCloud' }))).toEqual([
      'document/invalid-entity-id 2:116 `entityID` has leading or trailing white space: `" JumpCloud"`',
    ]);
    expect(await findings(idpMetadata({ entityId: 'Jump Cloud' }))).toEqual(['document/invalid-entity-id 2:116 `entityID` contains white space: `Jump Cloud`']);
    expect(await findings(idpMetadata({ entityId: 'https://sts.windows.net/{tenantid}/' }))).toEqual([
      "document/invalid-entity-id 2:116 `entityID` `https://sts.windows.net/{tenantid}/` contains a placeholder in braces; it is a template, not your tenant's entityID",
    ]);
    expect(await findings(idpMetadata({ entityId: `https://idp.example.com/${'a'.repeat(1100)}` }))).toEqual([
      'document/invalid-entity-id 2:116 `entityID` is 1124 characters long; SAML allows at most 1024',
    ]);
    expect(await findings(idpMetadata({ entityId: 'x&lt;script&gt;' }))).toEqual([
      'document/invalid-entity-id 2:116 `entityID` contains markup characters (`<`, `>` or `"`): `x<script>`',
    ]);
  });

  it('document/expired: root validUntil in the past, future validUntil passes', async () => {
    expect(await findings(idpMetadata({ rootAttributes: ' validUntil="2021-01-03T16:17:49.000Z"' }))).toEqual([
      'document/expired 2:137 The metadata expired on 2021-01-03 (`validUntil`); metadata must not be used after that date',
    ]);
    expect(await findings(idpMetadata({ rootAttributes: ' validUntil="2030-01-01T00:00:00Z"' }))).toEqual([]);
    expect(await findings(idpMetadata({ rootAttributes: ' validUntil="soon"' }))).toEqual([
      'document/expired 2:137 `validUntil` `soon` is not a date; expected an xs:dateTime such as `2030-01-01T00:00:00Z`',
    ]);
  });
});

describe('role rules', () => {
  it("roles/sp-metadata: Keeper's own SP metadata is recognised, with the SSO ID and Login URL", async () => {
    const report = await checkMetadata(encode(spMetadata('https://keepersecurity.eu/api/rest/sso/saml/459561502469')), { now: NOW });
    expect(report.kind).toBe('sp');
    const finding = report.findings.find((candidate) => candidate.ruleId === 'roles/sp-metadata')!;
    expect(finding.reason).toBe(
      "This is Keeper's own SP metadata (SSO ID 459561502469, European Union data center), not your identity provider's; Keeper expects the IdP metadata exported from the identity provider",
    );
    expect(finding.note).toBe(
      "Upload this file into the identity provider instead (JumpCloud: Upload Metadata in step 3). Then export the identity provider's metadata and upload that into Keeper. Your Login URL is https://keepersecurity.eu/api/rest/sso/ext_login/459561502469.",
    );
    expect(finding.severity).toBe('error');
  });

  it('roles/sp-metadata: other SP metadata', async () => {
    expect(await findings(spMetadata('https://sp.example.com/metadata', 'https://sp.example.com/acs'))).toEqual([
      'roles/sp-metadata 2:1 This is service-provider (SP) metadata for `https://sp.example.com/metadata`, with no IDPSSODescriptor; Keeper expects identity-provider (IdP) metadata',
    ]);
  });

  it('roles/idp-metadata: IdP metadata where SP metadata is expected', async () => {
    expect(await findings(idpMetadata(), { expect: 'sp' })).toEqual([
      'roles/idp-metadata 2:1 This is identity-provider (IdP) metadata for `JumpCloud`; expected service-provider (SP) metadata',
    ]);
    expect(await findings(spMetadata('https://keepersecurity.com/api/rest/sso/saml/1'), { expect: 'sp' })).toEqual([]);
  });

  it('does not call AD FS-style metadata with both roles SP metadata', async () => {
    const both = idpMetadata({
      extraRoles:
        '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://adfs.example.com/adfs/ls/" index="0"/></md:SPSSODescriptor>',
    });
    const report = await checkMetadata(encode(both), { now: NOW });
    expect(report.kind).toBe('idp');
    expect(report.findings.map((finding) => finding.ruleId)).not.toContain('roles/sp-metadata');
  });

  it('roles/multiple-idps: lists the identity providers of an aggregate', async () => {
    const entity = (id: string) =>
      idpMetadata({ entityId: id })
        .replace(/^<\?xml[^>]*>\n/, '')
        .replace(' xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', '');
    const aggregate = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n${entity('https://idp1.example.com')}\n${entity('https://idp2.example.com')}\n</md:EntitiesDescriptor>`;
    const report = await checkMetadata(encode(aggregate), { now: NOW });
    expect(report.kind).toBe('aggregate');
    expect(report.entityCount).toBe(2);
    expect(await findings(aggregate)).toEqual([
      'roles/multiple-idps 1:1 The file holds 2 identity providers (`https://idp1.example.com`, `https://idp2.example.com`); Keeper needs the metadata of exactly one',
    ]);
  });

  it('roles/no-saml2-protocol', async () => {
    expect(await findings(idpMetadata({ protocol: 'urn:oasis:names:tc:SAML:1.1:protocol' }))).toEqual([
      'roles/no-saml2-protocol 3:22 `IDPSSODescriptor` `protocolSupportEnumeration` lists `urn:oasis:names:tc:SAML:1.1:protocol`; expected it to include `urn:oasis:names:tc:SAML:2.0:protocol`',
    ]);
  });

  it('roles/no-role', async () => {
    const text =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://aa.example.com">\n<md:AttributeAuthorityDescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>\n</md:EntityDescriptor>';
    expect(await findings(text)).toEqual([
      'roles/no-role 1:1 Entity `https://aa.example.com` has no `IDPSSODescriptor` or `SPSSODescriptor` (it has `AttributeAuthorityDescriptor`)',
    ]);
  });
});

describe('endpoint rules', () => {
  it('sso/missing', async () => {
    expect(await findings(idpMetadata({ sso: '' }))).toEqual(['sso/missing 3:1 `IDPSSODescriptor` of `JumpCloud` has no `SingleSignOnService`']);
  });

  it('sso/no-browser-binding', async () => {
    expect(await findings(idpMetadata({ sso: ssoService('urn:oasis:names:tc:SAML:2.0:bindings:SOAP') }))).toEqual([
      'sso/no-browser-binding 7:1 No `SingleSignOnService` uses HTTP-Redirect or HTTP-POST (found `SOAP`)',
    ]);
  });

  it('sso/no-redirect-binding (info)', async () => {
    const report = await checkMetadata(encode(idpMetadata({ sso: ssoService(POST) })), { now: NOW });
    expect(report.findings.filter((finding) => finding.ruleId.startsWith('sso/')).map((finding) => [finding.severity, finding.reason])).toEqual([
      ['info', 'The sign-in URL offers HTTP-POST but not HTTP-Redirect; Keeper works with HTTP-POST'],
    ]);
  });

  it('sso/insecure-location: http is a warning, loopback is exempt, garbage is an error', async () => {
    expect(await findings(idpMetadata({ sso: ssoService(REDIRECT, 'http://idp.example.com/sso') }))).toEqual([
      'sso/insecure-location 7:86 `SingleSignOnService` Location `http://idp.example.com/sso` uses http; expected https',
    ]);
    expect(await findings(idpMetadata({ sso: ssoService(REDIRECT, 'http://localhost:8080/sso'), slo: '' }))).toEqual([]);
    expect(await findings(idpMetadata({ sso: ssoService(REDIRECT, 'not a url') }))).toEqual([
      'sso/insecure-location 7:86 `SingleSignOnService` Location `not a url` is not an absolute URL',
    ]);
  });

  it('sso/dangerous-scheme', async () => {
    expect(await findings(idpMetadata({ sso: `${ssoService(REDIRECT)}\n${ssoService(POST, 'javascript:alert(document.cookie)')}` }))).toEqual([
      'sso/dangerous-scheme 8:82 `SingleSignOnService` Location uses the `javascript:` scheme: `javascript:alert(document.cookie)`; expected an https:// URL',
    ]);
  });
});

describe('key rules', () => {
  it('keys/no-signing-key: no KeyDescriptor, encryption only, no certificate, wrong ds namespace', async () => {
    expect(await findings(idpMetadata({ keys: '' }))).toEqual([
      'keys/no-signing-key 3:1 `IDPSSODescriptor` of `JumpCloud` has no `KeyDescriptor`; expected a signing certificate',
    ]);
    expect(await findings(idpMetadata({ keys: keyDescriptor(OKTA_CERT, 'encryption') }))).toEqual([
      'keys/no-signing-key 4:1 Every `KeyDescriptor` has `use="encryption"`; expected one with `use="signing"` (or no `use`)',
    ]);
    expect(
      await findings(idpMetadata({ keys: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:KeyName>k</ds:KeyName></ds:KeyInfo></md:KeyDescriptor>' })),
    ).toEqual(['keys/no-signing-key 4:1 The signing `KeyDescriptor` has no `ds:X509Certificate`; expected the certificate Keeper verifies logins with']);
    const wrong = `<md:KeyDescriptor use="signing"><KeyInfo xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><X509Data><X509Certificate>${OKTA_CERT}</X509Certificate></X509Data></KeyInfo></md:KeyDescriptor>`;
    expect(await findings(idpMetadata({ keys: wrong }))).toEqual([
      'keys/no-signing-key 4:97 `X509Certificate` is in namespace `urn:oasis:names:tc:SAML:2.0:metadata`, not in the XML Signature namespace `http://www.w3.org/2000/09/xmldsig#`, so SAML software finds no certificate',
    ]);
  });

  it('a KeyDescriptor without use counts as a signing key', async () => {
    expect(await findings(idpMetadata({ keys: keyDescriptor(OKTA_CERT, null) }))).toEqual([]);
  });

  it('keys/undecodable-certificate: double-encoded PEM, not base64, garbage DER', async () => {
    const pem = btoa(`-----BEGIN CERTIFICATE-----\n${OKTA_CERT}\n-----END CERTIFICATE-----\n`);
    expect(await findings(idpMetadata({ keys: keyDescriptor(pem) }))).toEqual([
      'keys/undecodable-certificate 4:58 The certificate was encoded twice: the base64 decodes to PEM text (`-----BEGIN CERTIFICATE-----`) instead of a DER certificate',
    ]);
    expect(await findings(idpMetadata({ keys: keyDescriptor('not*base64!') }))).toEqual([
      'keys/undecodable-certificate 4:58 The certificate text is not base64: it has characters other than A–Z, a–z, 0–9, `+`, `/` and `=`',
    ]);
    const result = await findings(idpMetadata({ keys: keyDescriptor(btoa('hello world, not a certificate')) }));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(/^keys\/undecodable-certificate 4:58 The base64 does not decode to an X\.509 certificate \(.+\)$/);
  });

  it('keys/expired-certificate: an error when it is the only signing certificate', async () => {
    expect(await findings(idpMetadata(), { now: new Date('2029-01-01T00:00:00Z') })).toEqual([
      'keys/expired-certificate 4:58 Signing certificate `C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-513394, E=info@okta.com` expired on 2028-09-07; it is the only signing certificate, so logins will fail',
    ]);
  });

  it('keys/expired-certificate: a warning when another signing certificate is valid', async () => {
    const report = await checkMetadata(encode(idpMetadata({ keys: `${keyDescriptor(OKTA_CERT)}\n${keyDescriptor(WEAK_CERT)}` })), {
      now: new Date('2029-01-01T00:00:00Z'),
    });
    const expired = report.findings.filter((finding) => finding.ruleId === 'keys/expired-certificate');
    expect(expired.map((finding) => [finding.severity, finding.reason])).toEqual([
      [
        'warning',
        'Signing certificate `C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-513394, E=info@okta.com` expired on 2028-09-07; another signing certificate in the file is valid',
      ],
    ]);
  });

  it('keys/expired-certificate: not yet valid', async () => {
    expect(await findings(idpMetadata(), { now: new Date('2018-01-01T00:00:00Z') })).toEqual([
      'keys/expired-certificate 4:58 Signing certificate `C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-513394, E=info@okta.com` is not valid until 2018-09-07; it is the only signing certificate, so logins will fail',
    ]);
  });

  it('keys/expiring-certificate: within 30 days, not at 31', async () => {
    expect(await findings(idpMetadata(), { now: new Date('2028-08-20T14:33:59Z') })).toEqual([
      'keys/expiring-certificate 4:58 Signing certificate `C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-513394, E=info@okta.com` expires on 2028-09-07, in 18 days',
    ]);
    expect(await findings(idpMetadata(), { now: new Date('2028-08-07T14:00:00Z') })).toEqual([]);
  });

  it('keys/weak-key and keys/weak-signature-algorithm', async () => {
    expect(await findings(idpMetadata({ keys: keyDescriptor(WEAK_CERT) }))).toEqual([
      'keys/weak-key 4:58 Certificate `CN=stubidp.sustainsys.com` has a RSA 1024-bit key; expected at least 2048 bits',
      'keys/weak-signature-algorithm 4:58 Certificate `CN=stubidp.sustainsys.com` is signed with sha1WithRSAEncryption (OIW); expected SHA-256 or stronger',
    ]);
  });
});

describe('Keeper notes', () => {
  it('keeper/single-logout when the IdP has no SLO, and the NameID advice when email is not declared', async () => {
    const text = idpMetadata({ slo: '', nameIdFormats: '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>' });
    expect((await findings(text, {}, true)).filter((line) => line.startsWith('keeper/'))).toEqual([
      'keeper/metadata-signature 2:1 The metadata is not signed; Keeper does not require a metadata signature',
      "keeper/assertion-attributes 3:1 The IdP declares NameID formats `persistent` but not `emailAddress`; Keeper needs the NameID to be the user's email, and attributes `First`, `Last` and `Email`",
      'keeper/single-logout 3:1 The IdP has no `SingleLogoutService`; Single Logout is optional for Keeper',
    ]);
  });

  it('keeper/metadata-signature notices a signature', async () => {
    const signed = idpMetadata().replace('<md:IDPSSODescriptor', '<ds:Signature><ds:SignedInfo/></ds:Signature>\n<md:IDPSSODescriptor');
    expect((await findings(signed, {}, true)).filter((line) => line.startsWith('keeper/metadata-signature'))).toEqual([
      'keeper/metadata-signature 3:1 The metadata is signed (`ds:Signature`); Keeper does not require a signature, but do not edit the file or the signature breaks',
    ]);
  });
});

describe('the rule table', () => {
  it('has unique ids, each documented, each with a finding in these tests or marked engine-only', () => {
    const ids = METADATA_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of METADATA_RULES) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      for (const field of [rule.description, rule.why, rule.fix, rule.bad, rule.good]) expect(field.length).toBeGreaterThan(0);
    }
  });

  it('links each finding to its rule documentation', async () => {
    const report = await checkMetadata(encode(''), { rulesUrl: 'https://docs.example.com/rules/metadata/' });
    expect(report.findings[0]!.url).toBe('https://docs.example.com/rules/metadata/#input-empty');
  });
});

describe('the reader\'s own values (from the guide\'s "Your values")', () => {
  const reader = { region: 'us', host: 'keepersecurity.com', ssoId: '459561502469' };
  const keeperOnly = async (xml: string, options: CheckOptions) =>
    (await findings(xml, options, true)).filter((line) => line.startsWith('keeper/your-sp-metadata') || line.startsWith('keeper/foreign-keeper-url'));

  it("says Keeper SP metadata is the reader's own when SSO ID and host match", async () => {
    expect(await keeperOnly(spMetadata('https://keepersecurity.com/api/rest/sso/saml/459561502469'), { reader, expect: 'sp' })).toEqual([
      'keeper/your-sp-metadata 2:1 This Keeper SP metadata is your own: SSO ID 459561502469 on `keepersecurity.com`, as in your values',
    ]);
  });

  it("warns when Keeper SP metadata is another instance's, by SSO ID or by data center", async () => {
    expect(await keeperOnly(spMetadata('https://keepersecurity.com/api/rest/sso/saml/111111111111'), { reader, expect: 'sp' })).toEqual([
      'keeper/your-sp-metadata 2:1 This Keeper SP metadata belongs to SSO ID 111111111111 on `keepersecurity.com`, not to yours (SSO ID 459561502469 on `keepersecurity.com`)',
    ]);
    expect(await keeperOnly(spMetadata('https://keepersecurity.eu/api/rest/sso/saml/459561502469'), { reader, expect: 'sp' })).toEqual([
      'keeper/your-sp-metadata 2:1 This Keeper SP metadata belongs to SSO ID 459561502469 on `keepersecurity.eu`, not to yours (SSO ID 459561502469 on `keepersecurity.com`)',
    ]);
  });

  it("reports IdP metadata that names another instance's Keeper URL, with the fix", async () => {
    const report = await checkMetadata(encode(idpMetadata({ entityId: 'https://keepersecurity.eu/api/rest/sso/saml/222' })), { now: NOW, reader });
    const finding = report.findings.find((candidate) => candidate.ruleId === 'keeper/foreign-keeper-url');
    expect(finding?.severity).toBe('error');
    expect(finding?.reason).toBe(
      'The metadata names Keeper URL `https://keepersecurity.eu/api/rest/sso/saml/222` of SSO ID 222 on `keepersecurity.eu`, not yours (SSO ID 459561502469 on `keepersecurity.com`)',
    );
    expect(finding?.note).toContain('upload your own Keeper SP metadata');
  });

  it("says nothing without the reader's values, or when every Keeper URL is the reader's, or for IdP metadata without Keeper URLs", async () => {
    expect(await keeperOnly(spMetadata('https://keepersecurity.com/api/rest/sso/saml/111111111111'), { expect: 'sp' })).toEqual([]);
    expect(await keeperOnly(idpMetadata({ entityId: 'https://keepersecurity.com/api/rest/sso/saml/459561502469' }), { reader })).toEqual([]);
    expect(await keeperOnly(idpMetadata(), { reader })).toEqual([]);
  });
});
