/** Rules about roles: the right kind of metadata for the step, one IdP, SAML 2.0 support. (Keeper's own SP metadata uploaded into Keeper: keeper/metadata-rules.ts.) */
import { SAML2_PROTOCOL } from '../namespaces.ts';
import { defineRules } from '../rule.ts';
import type { EntityModel } from '../model.ts';

const hasRole = (entity: EntityModel, role: 'IdP' | 'SP') => entity.roles.some((candidate) => candidate.role === role);

export const roleRules = defineRules([
  {
    id: 'roles/idp-metadata',
    severity: 'error',
    description: 'SP metadata is given where SP metadata is expected',
    why: "When checking what goes into the identity provider (with `--expect sp`), the file should be the service provider's metadata, such as Keeper's export.",
    fix: "Export Keeper's SP metadata (Admin Console → provisioning instance → View → Export Metadata) and use that file.",
    bad: '{the JumpCloud IdP metadata}',
    good: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/459561502469">\n<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://keepersecurity.com/api/rest/sso/saml/sso/459561502469" index="0"/>\n</md:SPSSODescriptor>\n</md:EntityDescriptor>',
    check: {
      stage: 'document',
      run({ entities, expect, locator }, report) {
        if (expect !== 'sp' || entities.length === 0 || entities.some((entity) => hasRole(entity, 'SP'))) return;
        const idp = entities.find((entity) => hasRole(entity, 'IdP'));
        if (idp)
          report({
            place: locator.place(idp.element.offset),
            reason: `This is identity-provider (IdP) metadata for \`${idp.entityId ?? '?'}\`; expected service-provider (SP) metadata`,
          });
      },
    },
  },
  {
    id: 'roles/no-entities',
    severity: 'error',
    description: 'An aggregate lists at least one entity',
    why: 'An `EntitiesDescriptor` with no `EntityDescriptor` inside it, at any depth of nesting, describes nobody: there is no sign-in URL or certificate to upload, whatever else the file holds.',
    fix: "Export the metadata again from the identity provider; a federation's aggregate that came out empty was cut short on the way.",
    bad: '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"></md:EntitiesDescriptor>',
    good: '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">\n{the JumpCloud IdP entity}\n</md:EntitiesDescriptor>',
    check: {
      stage: 'document',
      run({ entities, aggregate, root, locator }, report) {
        if (!aggregate || entities.length > 0) return;
        report({
          place: locator.place(root.offset),
          reason: 'The `EntitiesDescriptor` holds no `EntityDescriptor` at any depth; there is no identity provider in this file',
        });
      },
    },
  },
  {
    id: 'roles/multiple-idps',
    severity: 'error',
    description: 'The file describes exactly one identity provider',
    why: 'Keeper connects one SSO configuration to one identity provider. A federation aggregate lists many, and the upload cannot tell which one you mean.',
    fix: 'Export the metadata of your identity provider alone, or copy its `<md:EntityDescriptor>` out of the aggregate into a file of its own.',
    bad: '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">\n{the JumpCloud IdP entity}\n{another IdP entity}\n</md:EntitiesDescriptor>',
    good: '{the JumpCloud IdP metadata}',
    check: {
      stage: 'document',
      run({ entities, expect, root, locator }, report) {
        if (expect !== 'idp') return;
        const idps = entities.filter((entity) => hasRole(entity, 'IdP'));
        if (idps.length < 2) return;
        const names = idps
          .slice(0, 10)
          .map((entity) => `\`${entity.entityId ?? '?'}\``)
          .join(', ');
        const more = idps.length > 10 ? ` and ${idps.length - 10} more` : '';
        report({
          place: locator.place(root.offset),
          reason: `The file holds ${idps.length} identity providers (${names}${more}); Keeper needs the metadata of exactly one`,
        });
      },
    },
  },
  {
    id: 'roles/no-role',
    severity: 'error',
    description: 'Every entity has an IdP or SP role',
    why: 'An entity without `IDPSSODescriptor` or `SPSSODescriptor` cannot take part in SAML web sign-on.',
    fix: 'Export the SAML 2.0 metadata (not WS-Federation only) from the identity provider.',
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://aa.example.com/saml">\n<md:AttributeAuthorityDescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>\n</md:EntityDescriptor>',
    good: '{the JumpCloud IdP metadata}',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        if (entity.roles.length > 0) return;
        const others = entity.otherRoles.length > 0 ? ` (it has ${entity.otherRoles.map((name) => `\`${name}\``).join(', ')})` : '';
        report({
          place: locator.place(entity.element.offset),
          reason: `Entity \`${entity.entityId ?? '?'}\` has no \`IDPSSODescriptor\` or \`SPSSODescriptor\`${others}`,
        });
      },
    },
  },
  {
    id: 'roles/no-saml2-protocol',
    severity: 'error',
    description: 'The role supports the SAML 2.0 protocol',
    why: '`protocolSupportEnumeration` says which protocols a role speaks. Without `urn:oasis:names:tc:SAML:2.0:protocol`, SAML 2.0 software ignores the role.',
    fix: 'Export SAML 2.0 metadata; in a hand-written file add `protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"`.',
    bad: '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol">',
    good: '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const role of entity.roles) {
          if (role.protocols.includes(SAML2_PROTOCOL)) continue;
          const written = role.protocols.length > 0 ? `lists \`${role.protocols.join(' ')}\`` : 'is missing';
          report({
            place: locator.attributePlace(role.element, 'protocolSupportEnumeration'),
            reason: `\`${role.element.local}\` \`protocolSupportEnumeration\` ${written}; expected it to include \`${SAML2_PROTOCOL}\``,
          });
        }
      },
    },
  },
]);
