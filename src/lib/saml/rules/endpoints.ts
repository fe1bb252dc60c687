/** Rules about endpoints: an IdP sign-in URL with a browser binding, served safely. */
import { BINDINGS, bindingName } from '../namespaces.ts';
import { isBrowserBinding, type Endpoint } from '../model.ts';
import { defineRules } from '../rule.ts';
import { isDangerousUrl, urlScheme } from '../../urls.ts';

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
}

function allEndpoints(roles: { sso: Endpoint[]; slo: Endpoint[]; acs: Endpoint[] }[]): Endpoint[] {
  return roles.flatMap((role) => [...role.sso, ...role.slo, ...role.acs]);
}

export const endpointRules = defineRules([
  {
    id: 'sso/missing',
    severity: 'error',
    description: 'The identity provider has a SingleSignOnService',
    why: "Keeper sends users to the identity provider's SingleSignOnService to sign in; without one there is nowhere to send them.",
    fix: "Export the metadata again from the identity provider's SAML application; it always includes the sign-in URL.",
    bad: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sso.jumpcloud.com/saml2/keeper">\n<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{a valid certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n</md:IDPSSODescriptor>\n</md:EntityDescriptor>',
    good: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const role of entity.roles) {
          if (role.role === 'IdP' && role.sso.length === 0)
            report({
              place: locator.place(role.element.offset),
              reason: `\`IDPSSODescriptor\` of \`${entity.entityId ?? '?'}\` has no \`SingleSignOnService\``,
            });
        }
      },
    },
  },
  {
    id: 'sso/no-browser-binding',
    severity: 'error',
    description: 'A SingleSignOnService uses HTTP-Redirect or HTTP-POST',
    why: "Web sign-on sends the user's browser to the identity provider with the HTTP-Redirect or HTTP-POST binding. SOAP, Artifact or SAML 1 endpoints alone cannot be used from a browser.",
    fix: 'Enable the HTTP-Redirect or HTTP-POST binding in the identity provider and export the metadata again.',
    bad: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    good: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const role of entity.roles) {
          if (role.role !== 'IdP' || role.sso.length === 0 || role.sso.some((endpoint) => isBrowserBinding(endpoint.binding))) continue;
          report({
            place: locator.place(role.sso[0]!.element.offset),
            reason: `No \`SingleSignOnService\` uses HTTP-Redirect or HTTP-POST (found ${[...new Set(role.sso.map((endpoint) => `\`${bindingName(endpoint.binding)}\``))].join(', ')})`,
          });
        }
      },
    },
  },
  {
    id: 'sso/no-redirect-binding',
    severity: 'info',
    description: 'The sign-in URL offers HTTP-Redirect',
    why: 'HTTP-Redirect is the binding most service providers use to start sign-on; HTTP-POST alone works with Keeper, but some tools expect Redirect.',
    fix: 'Nothing to do for Keeper. If another application needs it, enable HTTP-Redirect in the identity provider.',
    bad: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    good: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const role of entity.roles) {
          if (
            role.role !== 'IdP' ||
            !role.sso.some((endpoint) => endpoint.binding === BINDINGS.post) ||
            role.sso.some((endpoint) => endpoint.binding === BINDINGS.redirect)
          )
            continue;
          report({
            place: locator.place(role.sso[0]!.element.offset),
            reason: 'The sign-in URL offers HTTP-POST but not HTTP-Redirect; Keeper works with HTTP-POST',
          });
        }
      },
    },
  },
  {
    id: 'sso/dangerous-scheme',
    severity: 'error',
    description: 'Endpoint locations are web addresses',
    why: 'A `javascript:` or `data:` Location turns a SAML endpoint into script injection; no legitimate metadata contains one.',
    fix: 'Do not use this file. Export the metadata again from the real identity provider or service provider.',
    bad: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="javascript:alert(true)"/>',
    good: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        for (const endpoint of allEndpoints(entity.roles)) {
          // Judged as a browser would follow it: `java&#9;script:` and a leading control character are still `javascript:`.
          if (isDangerousUrl(endpoint.location))
            report({
              place: locator.attributePlace(endpoint.element, 'Location'),
              reason: `\`${endpoint.element.local}\` Location uses the \`${urlScheme(endpoint.location)}:\` scheme: \`${endpoint.location.slice(0, 60)}\`; expected an https:// URL`,
            });
        }
      },
    },
  },
  {
    id: 'sso/insecure-location',
    severity: 'error',
    description: 'Endpoint locations use https',
    why: 'SAML messages carry who the user is. Over plain http they can be read and altered on the way, and at a sign-in URL the user types their identity provider password into a page sent in clear: an http SingleSignOnService is an error (saml2int and federation validators reject it), other endpoints a warning. Only loopback addresses used for local testing are exempt.',
    fix: 'Serve the identity provider over https and export the metadata again.',
    bad: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://sso.jumpcloud.com/saml2/keeper"/>',
    good: '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.jumpcloud.com/saml2/keeper"/>',
    check: {
      stage: 'entity',
      run({ entity, locator }, report) {
        const signIn = new Set(entity.roles.flatMap((role) => role.sso));
        for (const endpoint of allEndpoints(entity.roles)) {
          if (isDangerousUrl(endpoint.location)) continue;
          let url: URL;
          try {
            url = new URL(endpoint.location);
          } catch {
            report({
              place: locator.attributePlace(endpoint.element, 'Location'),
              severity: 'error',
              reason: `\`${endpoint.element.local}\` Location \`${endpoint.location.slice(0, 80)}\` is not an absolute URL`,
            });
            continue;
          }
          if (url.protocol === 'http:' && !isLoopback(url))
            report({
              place: locator.attributePlace(endpoint.element, 'Location'),
              ...(signIn.has(endpoint) ? {} : { severity: 'warning' as const }),
              reason: `\`${endpoint.element.local}\` Location \`${endpoint.location.slice(0, 80)}\` uses http; expected https`,
            });
        }
      },
    },
  },
]);
