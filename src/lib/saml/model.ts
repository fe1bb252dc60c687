/**
 * The metadata document as the rules see it: entities with their role descriptors, endpoints and
 * keys (certificates already read), each element keeping its source offset for findings.
 * Types and helpers only: reading certificates (read-entity.ts) stays out of what the rule
 * documentation pages import.
 */
import type { CertificateResult } from './certificate.ts';
import { BINDINGS } from './namespaces.ts';
import type { XmlElement } from './xml-tree.ts';

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

/** Signing-capable keys of a role: `use="signing"` or no `use`. */
export function signingKeys(role: RoleModel): KeyModel[] {
  return role.keys.filter((key) => key.use !== 'encryption');
}

export function isBrowserBinding(binding: string): boolean {
  return binding === BINDINGS.redirect || binding === BINDINGS.post;
}
