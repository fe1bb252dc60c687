/**
 * The metadata document as the rules see it: entities with their role descriptors, endpoints and
 * keys (certificates already read), each element keeping its source offset for findings.
 */
import type { CertificateResult } from './certificate.ts';
import { readCertificate } from './certificate.ts';
import { BINDINGS, NS } from './namespaces.ts';
import { attr, childrenByLocalName, childrenOf, type XmlElement } from './xml-tree.ts';

export type RoleName = 'IdP' | 'SP';

export interface Endpoint {
  element: XmlElement;
  binding: string;
  location: string;
}

export interface KeyModel {
  /** The KeyDescriptor element. */
  element: XmlElement;
  /** `use` attribute: absent means the key serves both signing and encryption. */
  use: 'signing' | 'encryption' | 'both';
  /** The X509Certificate element, found in the xmldsig namespace. */
  certificateElement: XmlElement | undefined;
  certificate: CertificateResult | undefined;
  /** Why no certificate was found, when it was not: e.g. elements in the wrong namespace. */
  missingReason: 'no-keyinfo' | 'no-x509' | 'wrong-namespace' | undefined;
  /** For `wrong-namespace`: where the misplaced X509Certificate is and the namespace it is in. */
  misplaced?: { element: XmlElement; ns: string | null };
}

export interface RoleModel {
  role: RoleName;
  element: XmlElement;
  protocols: string[];
  keys: KeyModel[];
  sso: Endpoint[];
  slo: Endpoint[];
  acs: Endpoint[];
  nameIdFormats: string[];
}

export interface EntityModel {
  element: XmlElement;
  entityId: string | undefined;
  roles: RoleModel[];
  /** Other role descriptors (AttributeAuthority, WS-Fed RoleDescriptor …), by local name. */
  otherRoles: string[];
  signed: boolean;
}

export async function readEntity(element: XmlElement): Promise<EntityModel> {
  const roles: RoleModel[] = [];
  const otherRoles: string[] = [];
  for (const child of element.children) {
    if (child.ns === NS.md && child.local === 'IDPSSODescriptor') roles.push(await readRole('IdP', child));
    else if (child.ns === NS.md && child.local === 'SPSSODescriptor') roles.push(await readRole('SP', child));
    else if (child.ns === NS.md && /Descriptor$/.test(child.local) && child.local !== 'EntityDescriptor') otherRoles.push(child.local);
  }
  return { element, entityId: attr(element, 'entityID'), roles, otherRoles, signed: childrenOf(element, NS.ds, 'Signature').length > 0 };
}

async function readRole(role: RoleName, element: XmlElement): Promise<RoleModel> {
  const endpoints = (local: string): Endpoint[] =>
    childrenOf(element, NS.md, local).map((endpoint) => ({ element: endpoint, binding: (attr(endpoint, 'Binding') ?? '').trim(), location: (attr(endpoint, 'Location') ?? '').trim() }));
  return {
    role,
    element,
    protocols: (attr(element, 'protocolSupportEnumeration') ?? '').split(/\s+/).filter(Boolean),
    keys: await Promise.all(childrenOf(element, NS.md, 'KeyDescriptor').map(readKey)),
    sso: endpoints('SingleSignOnService'),
    slo: endpoints('SingleLogoutService'),
    acs: endpoints('AssertionConsumerService'),
    nameIdFormats: childrenOf(element, NS.md, 'NameIDFormat').map((format) => format.text.trim()).filter(Boolean),
  };
}

async function readKey(element: XmlElement): Promise<KeyModel> {
  const use = attr(element, 'use')?.trim();
  const model: KeyModel = { element, use: use === 'signing' ? 'signing' : use === 'encryption' ? 'encryption' : 'both', certificateElement: undefined, certificate: undefined, missingReason: undefined };
  const keyInfo = childrenOf(element, NS.ds, 'KeyInfo')[0];
  const certificateElement = keyInfo && childrenOf(keyInfo, NS.ds, 'X509Data').flatMap((data) => childrenOf(data, NS.ds, 'X509Certificate'))[0];
  if (certificateElement) {
    model.certificateElement = certificateElement;
    model.certificate = await readCertificate(certificateElement.text);
    return model;
  }
  // Explain the near misses: the right local names in the wrong namespace.
  const looseKeyInfo = keyInfo ?? childrenByLocalName(element, 'KeyInfo')[0];
  const loose = looseKeyInfo && childrenByLocalName(looseKeyInfo, 'X509Data').flatMap((data) => childrenByLocalName(data, 'X509Certificate'))[0];
  if (loose) {
    model.missingReason = 'wrong-namespace';
    model.misplaced = { element: loose, ns: loose.ns };
  } else {
    model.missingReason = looseKeyInfo ? 'no-x509' : 'no-keyinfo';
  }
  return model;
}

/** Signing-capable keys of a role: `use="signing"` or no `use`. */
export function signingKeys(role: RoleModel): KeyModel[] {
  return role.keys.filter((key) => key.use !== 'encryption');
}

export function isBrowserBinding(binding: string): boolean {
  return binding === BINDINGS.redirect || binding === BINDINGS.post;
}
