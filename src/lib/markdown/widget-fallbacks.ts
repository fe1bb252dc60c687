/**
 * What a widget is in a Markdown copy: the text a reader without JavaScript gets on the page (the
 * components' fallbacks in src/user-components/, whose words a build test compares with these).
 */
import { KEEPER_REGIONS } from '../keeper/regions.ts';
import { valueText } from '../keeper/reader-values.ts';

type Out = Record<string, unknown> & { type: string };

const text = (value: string): Out => ({ type: 'text', value });
const code = (value: string): Out => ({ type: 'inlineCode', value });
const strong = (value: string): Out => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: Out[]): Out => ({ type: 'paragraph', children });
const list = (items: Out[][]): Out => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })),
});

/** @param rulesUrl absolute URL of the metadata rules page */
export function widgetFallback(name: 'LoginUrlCalculator' | 'MetadataChecker', rulesUrl: string): Out[] {
  if (name === 'LoginUrlCalculator') {
    return [
      paragraph(
        strong('Login URL rule:'),
        text(' take the number at the end of your SP Entity ID (that number is your SSO ID) and put it after '),
        code('/api/rest/sso/ext_login/'),
        text(' on the same Keeper host:'),
      ),
      list(KEEPER_REGIONS.map((region) => [text(`${region.label}: `), code(valueText('loginUrl', { region: region.id }))])),
    ];
  }
  return [
    paragraph(strong('Before you upload, check the file by eye'), text(' (the interactive checker needs JavaScript):')),
    list([
      [
        text('It starts with '),
        code('<'),
        text(' and contains '),
        code('IDPSSODescriptor'),
        text('; a file with only '),
        code('SPSSODescriptor'),
        text(" is Keeper's own metadata, which belongs in the identity provider."),
      ],
      [
        text('It has a '),
        code('SingleSignOnService'),
        text(' with an '),
        code('HTTP-Redirect'),
        text(' or '),
        code('HTTP-POST'),
        text(' binding and an '),
        code('https://'),
        text(' location.'),
      ],
      [text('It has a '), code('KeyDescriptor'), text(' with a '), code('ds:X509Certificate'), text(', and the certificate has not expired.')],
    ]),
    paragraph(text('Every rule is explained on the '), { type: 'link', url: rulesUrl, children: [text('metadata rules page')] }, text('.')),
  ];
}
