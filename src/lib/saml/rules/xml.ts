/** Rules about the XML layer: no DOCTYPE (entity attacks), well-formed. */
import { defineRules } from '../rule.ts';

export const xmlRules = defineRules([
  {
    id: 'xml/doctype',
    severity: 'error',
    description: 'The XML has no DOCTYPE',
    why: 'SAML metadata never needs a DOCTYPE, and a DOCTYPE is how entity-expansion ("billion laughs") and external-entity attacks are delivered. The checker refuses it without expanding or fetching anything, as Keeper and careful SAML libraries do.',
    fix: 'Export the metadata again from the identity provider; if you built the file by hand, remove the `<!DOCTYPE …>` declaration.',
    bad: '<!DOCTYPE md [<!ENTITY name "expanded">]>',
    good: '{the JumpCloud IdP metadata}',
    check: { stage: 'engine' },
  },
  {
    id: 'xml/malformed',
    severity: 'error',
    description: 'The XML is well-formed',
    why: 'A truncated download, a mismatched tag or two documents pasted together make the file unreadable as XML; SAML libraries reject it outright.',
    fix: 'Export the metadata again. If you edited it, fix the element named in the message (every start tag needs its end tag, and there is exactly one root element).',
    bad: '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormats>',
    good: '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
    check: { stage: 'engine' },
  },
]);
