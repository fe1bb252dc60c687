/** Builders for crafted metadata: a valid JumpCloud-shaped IdP file, with one thing changed per test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../fixtures/metadata');
export const OKTA_CERT = readFileSync(join(FIXTURES, 'okta-signing.b64'), 'utf8').trim();
export const WEAK_CERT = readFileSync(join(FIXTURES, 'rsa1024-sha1.b64'), 'utf8').trim();

/** A moment when the Okta certificate is comfortably valid. */
export const NOW = new Date('2026-11-28T12:00:00Z');

export const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

export interface IdpOptions {
  entityId?: string | null;
  rootAttributes?: string;
  protocol?: string;
  keys?: string;
  sso?: string;
  slo?: string;
  nameIdFormats?: string;
  extraRoles?: string;
}

export function keyDescriptor(certificate = OKTA_CERT, use: string | null = 'signing'): string {
  return `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
}

export function ssoService(binding = REDIRECT, location = 'https://sso.jumpcloud.com/saml2/keeper'): string {
  return `<md:SingleSignOnService Binding="${binding}" Location="${location}"/>`;
}

/** One element per line so that findings have readable line numbers. */
export function idpMetadata(options: IdpOptions = {}): string {
  const entityId = options.entityId === undefined ? 'JumpCloud' : options.entityId;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"${entityId === null ? '' : ` entityID="${entityId}"`}${options.rootAttributes ?? ''}>`,
    `<md:IDPSSODescriptor protocolSupportEnumeration="${options.protocol ?? 'urn:oasis:names:tc:SAML:2.0:protocol'}">`,
    options.keys ?? keyDescriptor(),
    options.slo ??
      '<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper/logout"/>',
    options.nameIdFormats ?? '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
    options.sso ?? `${ssoService(REDIRECT)}\n${ssoService(POST)}`,
    '</md:IDPSSODescriptor>',
    options.extraRoles ?? '',
    '</md:EntityDescriptor>',
  ].join('\n');
}

export function spMetadata(entityId: string, acs = 'https://keepersecurity.com/api/rest/sso/saml/sso/459561502469'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">`,
    '<md:SPSSODescriptor AuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    keyDescriptor(),
    `<md:AssertionConsumerService Binding="${POST}" Location="${acs}" index="0"/>`,
    '</md:SPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}

export const encode = (text: string) => new TextEncoder().encode(text);
