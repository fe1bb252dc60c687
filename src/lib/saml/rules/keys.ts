/** Rules about keys: a usable signing certificate, in date, strong enough. */
import { NS } from '../namespaces.ts';
import { signingKeys, type KeyModel, type RoleModel } from '../model.ts';
import { defineRules } from '../rule.ts';
import type { CertificateInfo } from '../certificate.ts';

const DAY = 86_400_000;
export const EXPIRY_WARNING_DAYS = 30;

function certificateOf(key: KeyModel): CertificateInfo | undefined {
  return key.certificate?.ok ? key.certificate.certificate : undefined;
}

/** Every readable certificate of an entity's roles, with its key; the key rules all walk this list. */
function readableCertificates(
  roles: readonly RoleModel[],
  keysOf: (role: RoleModel) => KeyModel[] = (role) => role.keys,
): Array<{ key: KeyModel; certificate: CertificateInfo }> {
  return roles.flatMap((role) =>
    keysOf(role).flatMap((key) => {
      const certificate = certificateOf(key);
      return certificate ? [{ key, certificate }] : [];
    }),
  );
}

function day(date: Date): string {
  return Number.isNaN(date.getTime()) ? String(date) : date.toISOString().slice(0, 10);
}

function describe(certificate: CertificateInfo): string {
  return `\`${certificate.subject || '(no subject)'}\``;
}

export const keyRules = defineRules([
  {
    id: 'keys/no-signing-key',
    severity: 'error',
    description: 'The identity provider publishes a signing certificate',
    why: "Keeper verifies every SAML response with the identity provider's signing certificate. Without one in the metadata, no login can be verified.",
    fix: 'Export the metadata again from the identity provider. If it was edited by hand, the certificate must sit in `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>` with `ds` bound to `http://www.w3.org/2000/09/xmldsig#`.',
    bad: '<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    good: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const role of entity.roles) {
          if (role.role !== 'IdP') continue;
          const place = locator.place(role.element.offset);
          if (role.keys.length === 0) {
            report({ place, reason: `\`IDPSSODescriptor\` of \`${entity.entityId ?? '?'}\` has no \`KeyDescriptor\`; expected a signing certificate` });
            continue;
          }
          const signing = signingKeys(role);
          if (signing.length === 0) {
            report({
              place: locator.place(role.keys[0]!.element.offset),
              reason: 'Every `KeyDescriptor` has `use="encryption"`; expected one with `use="signing"` (or no `use`)',
            });
            continue;
          }
          if (signing.some((key) => key.certificateElement)) continue;
          const misplaced = signing.find((key) => key.missingReason === 'wrong-namespace')?.misplaced;
          if (misplaced) {
            report({
              place: locator.place(misplaced.element.offset),
              reason: `\`${misplaced.element.name}\` is in namespace \`${misplaced.ns ?? '(none)'}\`, not in the XML Signature namespace \`${NS.ds}\`, so SAML software finds no certificate`,
              note: `Bind the prefix used on \`KeyInfo\`, \`X509Data\` and \`X509Certificate\` to \`${NS.ds}\`, or export the metadata again.`,
            });
          } else {
            report({
              place: locator.place(signing[0]!.element.offset),
              reason: 'The signing `KeyDescriptor` has no `ds:X509Certificate`; expected the certificate Keeper verifies logins with',
            });
          }
        }
      },
    },
  },
  {
    id: 'keys/undecodable-certificate',
    severity: 'error',
    description: 'Certificates decode as X.509',
    why: 'A certificate that cannot be decoded cannot verify anything. A common cause is a certificate encoded twice (base64 of a PEM file), or a truncated copy.',
    fix: 'Export the metadata again rather than pasting certificates by hand. The text inside `<ds:X509Certificate>` is the base64 between the PEM `BEGIN`/`END` lines, not the whole PEM file encoded again.',
    bad: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    good: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const role of entity.roles) {
          for (const key of role.keys) {
            if (!key.certificate || key.certificate.ok || !key.certificateElement) continue;
            report({ place: locator.place(key.certificateElement.offset), reason: key.certificate.message.replace(/\.$/, '') });
          }
        }
      },
    },
  },
  {
    id: 'keys/expired-certificate',
    severity: 'error',
    description: 'Signing certificates are within their validity dates',
    why: 'Keeper rejects responses signed with an expired (or not yet valid) certificate. With a second, valid certificate in the file (a key rollover), logins still work, so that case is a warning.',
    fix: "Renew the signing certificate in the identity provider (JumpCloud: the Keeper connector's IdP certificate), then export and upload the metadata again.",
    bad: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a certificate that expired on 2021-01-03}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    good: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator, now }, report) {
        for (const role of entity.roles) {
          const keys = signingKeys(role).filter((key) => certificateOf(key));
          const current = (key: KeyModel) => {
            const certificate = certificateOf(key)!;
            return certificate.notBefore.getTime() <= now.getTime() && now.getTime() <= certificate.notAfter.getTime();
          };
          const anyCurrent = keys.some(current);
          for (const key of keys) {
            const certificate = certificateOf(key)!;
            const place = locator.place(key.certificateElement!.offset);
            const severity = anyCurrent ? 'warning' : 'error';
            const context = anyCurrent
              ? '; another signing certificate in the file is valid'
              : role.role !== 'IdP'
                ? ''
                : keys.length === 1
                  ? '; it is the only signing certificate, so logins will fail'
                  : '; no signing certificate in the file is valid, so logins will fail';
            if (certificate.notAfter.getTime() < now.getTime()) {
              report({ place, severity, reason: `Signing certificate ${describe(certificate)} expired on ${day(certificate.notAfter)}${context}` });
            } else if (certificate.notBefore.getTime() > now.getTime()) {
              report({ place, severity, reason: `Signing certificate ${describe(certificate)} is not valid until ${day(certificate.notBefore)}${context}` });
            }
          }
        }
      },
    },
  },
  {
    id: 'keys/expiring-certificate',
    severity: 'warning',
    description: `Signing certificates are valid for more than ${EXPIRY_WARNING_DAYS} days`,
    why: 'When the signing certificate expires, every login fails until new metadata is uploaded. A month is the usual lead time to plan the rollover.',
    fix: 'Create the next certificate in the identity provider now, and upload the new metadata to Keeper before the old certificate expires.',
    bad: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a certificate that expires in 10 days}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    good: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a certificate valid for another year}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator, now }, report) {
        for (const { key, certificate } of readableCertificates(entity.roles, signingKeys)) {
          if (certificate.notBefore.getTime() > now.getTime()) continue;
          const left = certificate.notAfter.getTime() - now.getTime();
          if (left < 0 || left > EXPIRY_WARNING_DAYS * DAY) continue;
          const days = Math.ceil(left / DAY);
          report({
            place: locator.place(key.certificateElement!.offset),
            reason: `Signing certificate ${describe(certificate)} expires on ${day(certificate.notAfter)}, in ${days} day${days === 1 ? '' : 's'}`,
          });
        }
      },
    },
  },
  {
    id: 'keys/weak-key',
    severity: 'warning',
    description: 'Keys are at least RSA 2048 or EC 256 bits',
    why: 'RSA keys under 2048 bits and EC keys under 256 bits are considered breakable; many services now refuse them.',
    fix: 'Generate a new signing certificate with an RSA 2048-bit (or larger) or EC P-256 key in the identity provider.',
    bad: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{an RSA 1024-bit certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    good: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{an RSA 2048-bit certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const { key, certificate } of readableCertificates(entity.roles)) {
          if (!certificate.keySize) continue;
          const minimum = certificate.keyType === 'RSA' ? 2048 : certificate.keyType === 'EC' ? 256 : 0;
          if (certificate.keySize < minimum)
            report({
              place: locator.place(key.certificateElement!.offset),
              reason: `Certificate ${describe(certificate)} has a ${certificate.keyType} ${certificate.keySize}-bit key; expected at least ${minimum} bits`,
            });
        }
      },
    },
  },
  {
    id: 'keys/weak-signature-algorithm',
    severity: 'warning',
    description: 'Certificates are signed with SHA-256 or stronger',
    why: "SHA-1 and MD5 signatures can be forged. The certificate's own signature matters less for a pinned self-signed SAML certificate than for a TLS one, but weak algorithms are a sign of an old key that is due for rotation.",
    fix: 'Create a new certificate signed with SHA-256 in the identity provider when you next rotate keys.',
    bad: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a certificate signed with SHA-1}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    good: '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a certificate signed with SHA-256}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const { key, certificate } of readableCertificates(entity.roles)) {
          if (certificate.signatureHash === 'SHA-1' || certificate.signatureHash === 'MD5') {
            report({
              place: locator.place(key.certificateElement!.offset),
              reason: `Certificate ${describe(certificate)} is signed with ${certificate.signatureAlgorithm}; expected SHA-256 or stronger`,
            });
          }
        }
      },
    },
  },
]);
