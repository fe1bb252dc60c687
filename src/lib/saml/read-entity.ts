/** Builds the entity model the rules read from an EntityDescriptor element, certificates included. */
import { readCertificate } from './certificate.ts';
import type { Endpoint, EntityModel, KeyModel, RoleModel, RoleName } from './model.ts';
import { NS } from './namespaces.ts';
import { attr, childrenByLocalName, childrenOf, type XmlElement } from './xml-tree.ts';

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
    childrenOf(element, NS.md, local).map((endpoint) => ({
      element: endpoint,
      binding: (attr(endpoint, 'Binding') ?? '').trim(),
      location: (attr(endpoint, 'Location') ?? '').trim(),
    }));
  return {
    role,
    element,
    protocols: (attr(element, 'protocolSupportEnumeration') ?? '').split(/\s+/).filter(Boolean),
    keys: await Promise.all(childrenOf(element, NS.md, 'KeyDescriptor').map(readKey)),
    sso: endpoints('SingleSignOnService'),
    slo: endpoints('SingleLogoutService'),
    acs: endpoints('AssertionConsumerService'),
    nameIdFormats: childrenOf(element, NS.md, 'NameIDFormat')
      .map((format) => format.text.trim())
      .filter(Boolean),
  };
}

async function readKey(element: XmlElement): Promise<KeyModel> {
  const use = attr(element, 'use')?.trim();
  const model: KeyModel = {
    element,
    use: use === 'signing' ? 'signing' : use === 'encryption' ? 'encryption' : 'both',
    certificateElement: undefined,
    certificate: undefined,
    missingReason: undefined,
  };
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
