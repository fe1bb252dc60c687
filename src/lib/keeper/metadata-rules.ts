/**
 * The metadata rules that know Keeper: its own SP metadata uploaded back into Keeper, the assertion
 * attributes it needs, and the reader's own SSO instance. The SAML engine (src/lib/saml/) knows no
 * Keeper; this module adds these rules to its generic ones, and `checkMetadata` here runs them all.
 */
import { checkMetadata as checkSamlMetadata, type CheckOptions, type MetadataReport } from '../saml/check-metadata.ts';
import type { EntityModel } from '../saml/model.ts';
import { EMAIL_NAMEID, NS } from '../saml/namespaces.ts';
import { defineRules, type MetadataRule, type ReaderKeeperValues } from '../saml/rule.ts';
import { SAML_RULES } from '../saml/rule-table.ts';
import { childrenOf, type XmlElement } from '../saml/xml-tree.ts';
import { fromUrl } from './keeper-value.ts';
import { computeLoginUrl } from './login-url.ts';
import type { KeeperRegion } from './regions.ts';

const hasRole = (entity: EntityModel, role: 'IdP' | 'SP') => entity.roles.some((candidate) => candidate.role === role);

/** A Keeper SSO Connect Cloud URL found in the metadata: where, and whose (SSO ID and data center). */
interface KeeperUrlMention {
  url: string;
  element: XmlElement;
  ssoId: string;
  region: KeeperRegion;
}

/** Every Keeper SSO URL an entity names: its entityID and the locations of its endpoints. */
function keeperUrlsIn(entity: EntityModel): KeeperUrlMention[] {
  const candidates: Array<{ url: string; element: XmlElement }> = [];
  if (entity.entityId) candidates.push({ url: entity.entityId, element: entity.element });
  for (const role of entity.roles)
    for (const endpoint of [...role.sso, ...role.slo, ...role.acs]) candidates.push({ url: endpoint.location, element: endpoint.element });
  return candidates.flatMap(({ url, element }) => {
    const result = fromUrl(url);
    return result.ok ? [{ url, element, ssoId: result.ssoId, region: result.region }] : [];
  });
}

function isReaders(mention: KeeperUrlMention, reader: ReaderKeeperValues): boolean {
  return mention.ssoId === reader.ssoId && mention.region.id === reader.region;
}

function describeReader(reader: ReaderKeeperValues): string {
  return `SSO ID ${reader.ssoId} on \`${reader.host}\``;
}

/** Keeper's own SP metadata where the identity provider's belongs. */
const spMetadataRule = defineRules([
  {
    id: 'roles/sp-metadata',
    severity: 'error',
    description: 'IdP metadata is uploaded where IdP metadata is expected',
    why: "Keeper needs the identity provider's metadata (an `IDPSSODescriptor` with its sign-in URL and signing certificate). Service-provider metadata, most often Keeper's own export uploaded back into Keeper, has neither, and SSO fails later with vague errors.",
    fix: "In the identity provider (e.g. JumpCloud's Keeper connector), export its metadata and upload that file into Keeper. Keeper's own metadata goes the other way, into the identity provider.",
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/459561502469">\n<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://keepersecurity.com/api/rest/sso/saml/sso/459561502469" index="0"/>\n</md:SPSSODescriptor>\n</md:EntityDescriptor>',
    good: '{the JumpCloud IdP metadata}',
    check: {
      stage: 'document',
      run({ entities, expect, locator }, report) {
        if (expect !== 'idp' || entities.length === 0 || entities.some((entity) => hasRole(entity, 'IdP'))) return;
        const sp = entities.find((entity) => hasRole(entity, 'SP'));
        if (!sp) return;
        const place = locator.place(sp.element.offset);
        const keeper = computeLoginUrl(sp.entityId ?? '');
        if (keeper.ok && keeper.input === 'sp-entity-id') {
          report({
            place,
            reason: `This is Keeper's own SP metadata (SSO ID ${keeper.ssoId}, ${keeper.region.label} data center), not your identity provider's; Keeper expects the IdP metadata exported from the identity provider`,
            note: `Upload this file into the identity provider instead (JumpCloud: Upload Metadata in step 3). Then export the identity provider's metadata and upload that into Keeper. Your Login URL is ${keeper.urls.loginUrl}.`,
          });
        } else {
          report({
            place,
            reason: `This is service-provider (SP) metadata for \`${sp.entityId ?? '?'}\`, with no IDPSSODescriptor; Keeper expects identity-provider (IdP) metadata`,
          });
        }
      },
    },
  },
])[0]!;

export const keeperRules = defineRules([
  {
    id: 'keeper/assertion-attributes',
    severity: 'info',
    description: 'The IdP sends the attributes Keeper needs',
    why: "Keeper provisions and matches users from the assertion: attributes `First`, `Last` and `Email`, and a NameID that is the user's email address. Metadata cannot show the attribute mapping, so check it in the identity provider.",
    fix: "In the identity provider's Keeper application, map First, Last and Email, and set the NameID to the email address (format emailAddress).",
    bad: '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>',
    good: '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        const idp = entity.roles.find((role) => role.role === 'IdP');
        if (!idp) return;
        const formats = idp.nameIdFormats;
        const place = locator.place(idp.element.offset);
        if (formats.length > 0 && !formats.includes(EMAIL_NAMEID) && !formats.some((format) => format.endsWith(':unspecified'))) {
          report({
            place,
            reason: `The IdP declares NameID formats ${formats.map((format) => `\`${format.split(':').pop()}\``).join(', ')} but not \`emailAddress\`; Keeper needs the NameID to be the user's email, and attributes \`First\`, \`Last\` and \`Email\``,
          });
        } else {
          report({
            place,
            reason:
              "Keeper needs the assertion to carry the attributes `First`, `Last` and `Email` and a NameID that is the user's email address; check the attribute mapping in the identity provider",
          });
        }
      },
    },
  },
  {
    id: 'keeper/single-logout',
    severity: 'info',
    description: 'Single Logout is optional for Keeper',
    why: 'Keeper works without Single Logout; with it, logging out of Keeper also ends the identity provider session.',
    fix: 'Nothing required. To use Single Logout, enable it in the identity provider and export the metadata again.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper">\n<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>\n</md:IDPSSODescriptor>\n</md:EntityDescriptor>',
    good: '<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper/logout"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        const idp = entity.roles.find((role) => role.role === 'IdP');
        if (idp && idp.slo.length === 0)
          report({ place: locator.place(idp.element.offset), reason: 'The IdP has no `SingleLogoutService`; Single Logout is optional for Keeper' });
      },
    },
  },
  {
    id: 'keeper/metadata-signature',
    severity: 'info',
    description: 'Whether the metadata itself is signed',
    why: 'Some identity providers sign their metadata document (`ds:Signature` on the root). Keeper does not require it; a signed file must not be edited, or the signature breaks.',
    fix: 'Nothing required. Upload signed metadata exactly as exported.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper">\n<ds:Signature><ds:SignedInfo/><ds:SignatureValue/></ds:Signature>\n<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>\n</md:IDPSSODescriptor>\n</md:EntityDescriptor>',
    good: '{the JumpCloud IdP metadata}',
    check: {
      stage: 'document',
      run({ root, locator, entities }, report) {
        if (!entities.some((entity) => entity.roles.some((role) => role.role === 'IdP'))) return;
        const signature = childrenOf(root, NS.ds, 'Signature')[0];
        if (signature)
          report({
            place: locator.place(signature.offset),
            reason: 'The metadata is signed (`ds:Signature`); Keeper does not require a signature, but do not edit the file or the signature breaks',
          });
        else report({ place: locator.place(root.offset), reason: 'The metadata is not signed; Keeper does not require a metadata signature' });
      },
    },
  },
  {
    id: 'keeper/your-sp-metadata',
    severity: 'warning',
    description: "Keeper SP metadata is your own instance's",
    why: "When you have entered your values on the guide, the checker compares Keeper SP metadata with them: metadata exported from another SSO instance (a colleague's test node, another region) configures the identity provider for that instance, and sign-ins then land there or fail.",
    fix: 'Export the SP metadata again from your own provisioning instance (Admin Console → provisioning instance → View → Export Metadata), or correct your values on the guide.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.eu/api/rest/sso/saml/111111111111">\n<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://keepersecurity.eu/api/rest/sso/saml/sso/111111111111" index="0"/>\n</md:SPSSODescriptor>\n</md:EntityDescriptor>',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/459561502469">\n<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://keepersecurity.com/api/rest/sso/saml/sso/459561502469" index="0"/>\n</md:SPSSODescriptor>\n</md:EntityDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator, reader }, report) {
        if (!reader || !entity.roles.some((role) => role.role === 'SP')) return;
        const own = keeperUrlsIn(entity).find((mention) => mention.element === entity.element);
        if (!own) return;
        const place = locator.place(entity.element.offset);
        if (isReaders(own, reader)) {
          report({ place, severity: 'info', reason: `This Keeper SP metadata is your own: ${describeReader(reader)}, as in your values` });
        } else {
          report({
            place,
            reason: `This Keeper SP metadata belongs to SSO ID ${own.ssoId} on \`${own.region.host}\`, not to yours (${describeReader(reader)})`,
            note: 'Export the SP metadata from your own provisioning instance (Admin Console → provisioning instance → View → Export Metadata), or correct your values at the top of the guide.',
          });
        }
      },
    },
  },
  {
    id: 'keeper/foreign-keeper-url',
    severity: 'error',
    description: 'IdP metadata names only your own Keeper URLs',
    why: 'Identity provider metadata that mentions a Keeper URL (an Assertion Consumer Service, an entityID on a Keeper host) with another SSO ID or data center comes from an application set up for another Keeper instance; assertions would be sent there.',
    fix: "In the identity provider, upload your own Keeper SP metadata into the Keeper application (step 3), then export the identity provider's metadata again.",
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://keepersecurity.com/api/rest/sso/saml/111111111111">',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper">',
    check: {
      stage: 'entity',
      run({ entity, locator, reader }, report) {
        if (!reader || !entity.roles.some((role) => role.role === 'IdP')) return;
        for (const mention of keeperUrlsIn(entity)) {
          if (isReaders(mention, reader)) continue;
          report({
            place: locator.place(mention.element.offset),
            reason: `The metadata names Keeper URL \`${mention.url}\` of SSO ID ${mention.ssoId} on \`${mention.region.host}\`, not yours (${describeReader(reader)})`,
            note: "The identity provider's Keeper application was set up for another Keeper SSO instance: upload your own Keeper SP metadata into it (step 3) and export its metadata again.",
          });
        }
      },
    },
  },
]);

/** Every rule the metadata checker applies, in the order the rules page lists them: the SAML engine's, with Keeper's among them. */
export const METADATA_RULES: readonly MetadataRule[] = SAML_RULES.flatMap((rule) => {
  if (rule.id === 'roles/idp-metadata') return [spMetadataRule, rule];
  if (rule.id === 'checker/internal-error') return [...keeperRules, rule];
  return [rule];
});

/** The metadata checker for Keeper: the SAML engine with every rule above. */
export function checkMetadata(bytes: Uint8Array, options: CheckOptions = {}): Promise<MetadataReport> {
  return checkSamlMetadata(bytes, { ...options, rules: METADATA_RULES });
}
