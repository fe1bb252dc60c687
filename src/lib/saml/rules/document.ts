/** Rules about the document: a metadata root in the right namespace, a usable entityID, not expired. */
import { abbreviate } from '../../findings.ts';
import { NS } from '../namespaces.ts';
import { defineRules } from '../rule.ts';
import { attr, type XmlElement } from '../xml-tree.ts';
import { isMetadataRoot } from '../entities.ts';

const MAX_ENTITY_ID = 1024;

export const documentRules = defineRules([
  {
    id: 'document/not-metadata',
    severity: 'error',
    description: 'The root element is SAML metadata',
    why: 'Metadata starts with `md:EntityDescriptor` (one provider) or `md:EntitiesDescriptor` (a federation aggregate). Another root means the file is something else: a SAML response captured from a login, a settings export, a different XML format.',
    fix: 'Export the metadata from the identity provider\'s SAML application settings ("Export metadata", "Download metadata", "Federation metadata XML").',
    bad: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0" IssueInstant="2026-11-28T12:00:00Z"/>',
    good: '{the JumpCloud IdP metadata}',
    check: {
      stage: 'document',
      run({ root, locator }, report) {
        if (isMetadataRoot(root) || root.local === 'EntityDescriptor' || root.local === 'EntitiesDescriptor') return;
        const place = locator.place(root.offset);
        if (root.ns === NS.samlp && root.local === 'Response') {
          report({
            place,
            reason: 'This is a SAML Response (the message an identity provider sends at login), not metadata; expected a root `EntityDescriptor`',
          });
        } else if (root.ns === NS.saml && root.local === 'Assertion') {
          report({ place, reason: 'This is a SAML Assertion (part of a login message), not metadata; expected a root `EntityDescriptor`' });
        } else {
          report({
            place,
            reason: `The root element is \`<${root.name}>\`${root.ns ? ` in namespace \`${root.ns}\`` : ''}; expected SAML metadata, \`<md:EntityDescriptor>\` or \`<md:EntitiesDescriptor>\``,
          });
        }
      },
    },
  },
  {
    id: 'document/wrong-namespace',
    severity: 'error',
    description: 'Metadata elements are in the SAML metadata namespace',
    why: 'XML names are namespace + local name. An `EntityDescriptor` without `xmlns="urn:oasis:names:tc:SAML:2.0:metadata"` (or with another URI) is not SAML metadata to a namespace-aware SAML library, even though it looks right.',
    fix: 'Declare the namespace on the root: `xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"` with `md:` prefixes, or `xmlns="urn:oasis:names:tc:SAML:2.0:metadata"` without prefixes.',
    bad: '<EntityDescriptor entityID="https://sso.jumpcloud.com/saml2/keeper">\n<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>\n</EntityDescriptor>',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper">',
    check: {
      stage: 'document',
      run({ root, locator }, report) {
        if (isMetadataRoot(root) || (root.local !== 'EntityDescriptor' && root.local !== 'EntitiesDescriptor')) return;
        const where =
          root.ns === null ? (root.prefix ? `prefix \`${root.prefix}:\` is not declared` : 'it is in no namespace') : `it is in namespace \`${root.ns}\``;
        report({ place: locator.place(root.offset), reason: `\`<${root.name}>\` is not SAML metadata because ${where}; expected namespace \`${NS.md}\`` });
      },
    },
  },
  {
    id: 'document/missing-entity-id',
    severity: 'error',
    description: 'Every entity has an entityID',
    why: "The entityID is the identity provider's name in every SAML message; Keeper checks the Issuer of each login against it.",
    fix: 'Export the metadata again; the identity provider always writes the entityID it uses.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper">',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        if (entity.entityId === undefined || entity.entityId.trim() === '') {
          report({
            place: locator.place(entity.element.offset),
            reason: entity.entityId === undefined ? '`EntityDescriptor` has no `entityID` attribute' : '`entityID` is empty',
          });
        }
      },
    },
  },
  {
    id: 'document/invalid-entity-id',
    severity: 'warning',
    description: 'The entityID is a clean identifier',
    why: 'The entityID is compared character for character with the Issuer of each SAML message. Leading or trailing spaces, markup characters or placeholders such as `{tenantid}` never match what the identity provider sends. (An `http://` entityID, as Okta and AD FS use, or a plain name such as `JumpCloud` is fine.)',
    fix: 'Copy the entityID exactly as the identity provider shows it; replace placeholders with your real tenant value.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID=" https://sts.windows.net/{tenantid}/ ">',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sts.windows.net/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/">',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        const id = entity.entityId;
        if (id === undefined || id.trim() === '') return;
        const place = locator.attributePlace(entity.element, 'entityID');
        if (id !== id.trim()) report({ place, severity: 'error', reason: `\`entityID\` has leading or trailing white space: \`"${id}"\`` });
        else if (/\s/.test(id)) report({ place, severity: 'error', reason: `\`entityID\` contains white space: \`${id}\`` });
        if (/[<>"]/.test(id))
          report({ place, severity: 'error', reason: `\`entityID\` contains markup characters (\`<\`, \`>\` or \`"\`): \`${abbreviate(id)}\`` });
        else if (/\{[^}]*\}/.test(id))
          report({ place, reason: `\`entityID\` \`${id}\` contains a placeholder in braces; it is a template, not your tenant's entityID` });
        if (id.length > MAX_ENTITY_ID)
          report({ place, severity: 'error', reason: `\`entityID\` is ${id.length} characters long; SAML allows at most ${MAX_ENTITY_ID}` });
      },
    },
  },
  {
    id: 'document/expired',
    severity: 'error',
    description: 'The metadata has not passed its validUntil date',
    why: 'SAML software must not use metadata after its `validUntil` date. An expired document usually means an old export was kept.',
    fix: 'Export fresh metadata from the identity provider.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper" validUntil="2021-01-03T16:17:49Z">',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper" validUntil="2030-01-01T00:00:00Z">',
    check: {
      stage: 'document',
      run({ root, locator, now, entities }, report) {
        const elements = new Set<XmlElement>([root, ...entities.map((entity) => entity.element)]);
        for (const element of elements) {
          const value = attr(element, 'validUntil');
          if (value === undefined) continue;
          const place = locator.attributePlace(element, 'validUntil');
          const date = new Date(value.trim());
          if (Number.isNaN(date.getTime())) {
            report({
              place,
              severity: 'warning',
              reason: `\`validUntil\` \`${value}\` is not a date; expected an xs:dateTime such as \`2030-01-01T00:00:00Z\``,
            });
          } else if (date.getTime() < now.getTime()) {
            const who =
              element === root && element.local === 'EntitiesDescriptor'
                ? 'The aggregate'
                : element === root
                  ? 'The metadata'
                  : `Entity \`${attr(element, 'entityID') ?? '?'}\``;
            report({ place, reason: `${who} expired on ${date.toISOString().slice(0, 10)} (\`validUntil\`); metadata must not be used after that date` });
          }
        }
      },
    },
  },
]);
