/** Namespace URIs and binding URNs of SAML 2.0 metadata, by the names the specifications use. */
export const NS = {
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

export const BINDINGS = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  artifact: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
  soap: 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
  simpleSign: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST-SimpleSign',
} as const;

/** Short names for bindings in summaries: `HTTP-Redirect`, or the URN itself when unknown. */
export function bindingName(urn: string): string {
  const match = /:bindings:([\w-]+)$/.exec(urn);
  return match ? match[1]! : urn;
}

export const EMAIL_NAMEID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
