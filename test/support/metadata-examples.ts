/**
 * A metadata rule's examples as whole files, checked by the engine: an example is a whole document,
 * or a fragment that takes the place of the same element in a valid JumpCloud-shaped IdP file
 * (`<md:SingleSignOnService …/>` replaces its sign-in services, an `<md:EntityDescriptor …>` start tag
 * its root, an `<?xml …?>` declaration its declaration). Certificates are written as what they are
 * (`{a certificate that expired on 2021-01-03}`) and made here with @peculiar/x509.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { CheckOptions, MetadataReport } from '../../src/lib/saml/check-metadata.ts';
import { checkMetadata } from '../../src/lib/keeper/metadata-rules.ts';

export const EXAMPLE_NOW = new Date('2026-11-28T12:00:00Z');

/** The reader's values the Keeper rules compare with: SSO ID 459561502469 in the United States. */
export const EXAMPLE_READER = { region: 'us', host: 'keepersecurity.com', ssoId: '459561502469' };

/** Rules whose examples are checked as the file of a step that expects SP metadata. */
const EXPECT_SP = new Set(['roles/idp-metadata', 'keeper/your-sp-metadata']);

/** Files larger than this are refused unread in the examples (the real limit is 100 MB). */
const EXAMPLE_MAX_BYTES = 8192;

x509.cryptoProvider.set(globalThis.crypto);

const DAY = 86_400_000;

async function certificate(options: { bits?: number; hash?: string; notBefore?: Date; notAfter?: Date }): Promise<string> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: options.hash ?? 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: options.bits ?? 2048,
  };
  const keys = await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
  const generated = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=sso.jumpcloud.com',
    notBefore: options.notBefore ?? new Date('2025-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2030-01-01T00:00:00Z'),
    signingAlgorithm: algorithm,
    keys,
  });
  return generated.toString('base64');
}

let certificates: Promise<Record<string, string>> | undefined;

/** The certificates examples may name, made once. */
function exampleCertificates(): Promise<Record<string, string>> {
  certificates ??= (async () => ({
    '{a valid certificate}': await certificate({}),
    '{a certificate that expired on 2021-01-03}': await certificate({
      notBefore: new Date('2019-01-03T00:00:00Z'),
      notAfter: new Date('2021-01-03T00:00:00Z'),
    }),
    '{a certificate that expires in 10 days}': await certificate({ notAfter: new Date(EXAMPLE_NOW.getTime() + 10 * DAY) }),
    '{a certificate valid for another year}': await certificate({ notAfter: new Date(EXAMPLE_NOW.getTime() + 365 * DAY) }),
    '{an RSA 1024-bit certificate}': await certificate({ bits: 1024 }),
    '{an RSA 2048-bit certificate}': await certificate({ bits: 2048 }),
    '{a certificate signed with SHA-1}': await certificate({ hash: 'SHA-1' }),
    '{a certificate signed with SHA-256}': await certificate({ hash: 'SHA-256' }),
  }))();
  return certificates;
}

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings';

/** The valid file fragments are placed in, one element per line. */
const BASE_LINES: Record<string, string> = {
  declaration: '<?xml version="1.0" encoding="UTF-8"?>',
  prolog: '',
  root: `<md:EntityDescriptor xmlns:md="${MD}" xmlns:ds="${DS}" entityID="https://sso.jumpcloud.com/saml2/keeper">`,
  IDPSSODescriptor: '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
  KeyDescriptor:
    '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
  SingleLogoutService: `<md:SingleLogoutService Binding="${BINDING}:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper/logout"/>`,
  NameIDFormat: '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
  SingleSignOnService: `<md:SingleSignOnService Binding="${BINDING}:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>\n<md:SingleSignOnService Binding="${BINDING}:HTTP-POST" Location="https://sso.jumpcloud.com/saml2/keeper"/>`,
  roleEnd: '</md:IDPSSODescriptor>',
  rootEnd: '</md:EntityDescriptor>',
};

/** The file's entity alone, for aggregates (`EntitiesDescriptor`) in examples. */
const ENTITY = Object.entries(BASE_LINES)
  .filter(([slot, line]) => slot !== 'declaration' && line !== '')
  .map(([, line]) => line)
  .join('\n');

/** Where a fragment goes, by what it starts with; undefined for a whole document. */
function slotOf(example: string): string | undefined {
  const text = example.trim();
  if (/^<\?xml[^>]*\?>$/.test(text)) return 'declaration';
  if (/^<!DOCTYPE md\b[\s\S]*\]>$/.test(text)) return 'prolog';
  if (/^<md:EntityDescriptor\b[^>]*[^/]>$/.test(text)) return 'root';
  if (/^<md:IDPSSODescriptor\b[^>]*[^/]>$/.test(text)) return 'IDPSSODescriptor';
  const element = /^<md:(KeyDescriptor|SingleLogoutService|NameIDFormat|SingleSignOnService)\b/.exec(text)?.[1];
  return element;
}

/** The document an example stands for, with its certificates filled in. */
export async function exampleDocument(example: string): Promise<string> {
  const certificatesByName = await exampleCertificates();
  let text: string;
  if (example === '{an empty file}') text = '';
  else if (example === '{a file larger than the limit}')
    text = `<md:EntityDescriptor xmlns:md="${MD}" entityID="https://sso.jumpcloud.com/saml2/keeper">${' '.repeat(EXAMPLE_MAX_BYTES)}</md:EntityDescriptor>`;
  else if (example === '{the JumpCloud IdP metadata}') text = Object.values(BASE_LINES).filter(Boolean).join('\n');
  else if (!slotOf(example))
    text = example
      .replace('{the JumpCloud IdP entity}', ENTITY)
      .replace('{another IdP entity}', ENTITY.replace('https://sso.jumpcloud.com/saml2/keeper"', 'https://idp.example.com/saml"'));
  else {
    const slot = slotOf(example)!;
    text = Object.values({ ...BASE_LINES, [slot]: example.trim() })
      .filter(Boolean)
      .join('\n');
  }
  return text.replace(/\{(?:a|an) [^{}]*certificate[^{}]*\}/g, (name) => {
    const base64 = certificatesByName[name];
    if (!base64) throw new Error(`The metadata examples make no certificate called ${name}`);
    return base64;
  });
}

/** The report the checker gives on an example of a rule, with the settings that rule's examples assume. */
export async function exampleReport(ruleId: string, example: string): Promise<MetadataReport> {
  const options: CheckOptions = {
    now: EXAMPLE_NOW,
    file: 'example.xml',
    maxBytes: EXAMPLE_MAX_BYTES,
    expect: EXPECT_SP.has(ruleId) ? 'sp' : 'idp',
    reader: EXAMPLE_READER,
  };
  return checkMetadata(new TextEncoder().encode(await exampleDocument(example)), options);
}
