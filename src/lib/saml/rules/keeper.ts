/** Keeper SSO Connect Cloud specifics, as information next to the findings. */
import { EMAIL_NAMEID, NS } from '../namespaces.ts';
import { defineRules } from '../rule.ts';
import { childrenOf } from '../xml-tree.ts';

export const keeperRules = defineRules([
  {
    id: 'keeper/assertion-attributes',
    severity: 'info',
    title: 'The IdP sends the attributes Keeper needs',
    why: 'Keeper provisions and matches users from the assertion: attributes `First`, `Last` and `Email`, and a NameID that is the user\'s email address. Metadata cannot show the attribute mapping, so check it in the identity provider.',
    fix: 'In the identity provider\'s Keeper application, map First, Last and Email, and set the NameID to the email address (format emailAddress).',
    bad: 'NameID = employee number; no Email attribute',
    good: 'NameID = user@example.com; attributes First, Last, Email',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        const idp = entity.roles.find((role) => role.role === 'IdP');
        if (!idp) return;
        const formats = idp.nameIdFormats;
        const place = locator.place(idp.element.offset);
        if (formats.length > 0 && !formats.includes(EMAIL_NAMEID) && !formats.some((format) => format.endsWith(':unspecified'))) {
          report({ place, reason: `The IdP declares NameID formats ${formats.map((format) => `\`${format.split(':').pop()}\``).join(', ')} but not \`emailAddress\`; Keeper needs the NameID to be the user's email, and attributes \`First\`, \`Last\` and \`Email\`` });
        } else {
          report({ place, reason: 'Keeper needs the assertion to carry the attributes `First`, `Last` and `Email` and a NameID that is the user\'s email address; check the attribute mapping in the identity provider' });
        }
      },
    },
  },
  {
    id: 'keeper/single-logout',
    severity: 'info',
    title: 'Single Logout is optional for Keeper',
    why: 'Keeper works without Single Logout; with it, logging out of Keeper also ends the identity provider session.',
    fix: 'Nothing required. To use Single Logout, enable it in the identity provider and export the metadata again.',
    bad: '(no SingleLogoutService)',
    good: '<md:SingleLogoutService Binding="…HTTP-Redirect" Location="https://idp.example.com/slo"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        const idp = entity.roles.find((role) => role.role === 'IdP');
        if (idp && idp.slo.length === 0) report({ place: locator.place(idp.element.offset), reason: 'The IdP has no `SingleLogoutService`; Single Logout is optional for Keeper' });
      },
    },
  },
  {
    id: 'keeper/metadata-signature',
    severity: 'info',
    title: 'Whether the metadata itself is signed',
    why: 'Some identity providers sign their metadata document (`ds:Signature` on the root). Keeper does not require it; a signed file must not be edited, or the signature breaks.',
    fix: 'Nothing required. Upload signed metadata exactly as exported.',
    bad: '(editing a signed file)',
    good: '(uploading the file as exported)',
    check: {
      stage: 'document',
      run({ root, locator, entities }, report) {
        if (!entities.some((entity) => entity.roles.some((role) => role.role === 'IdP'))) return;
        const signature = childrenOf(root, NS.ds, 'Signature')[0];
        if (signature) report({ place: locator.place(signature.offset), reason: 'The metadata is signed (`ds:Signature`); Keeper does not require a signature, but do not edit the file or the signature breaks' });
        else report({ place: locator.place(root.offset), reason: 'The metadata is not signed; Keeper does not require a metadata signature' });
      },
    },
  },
]);
