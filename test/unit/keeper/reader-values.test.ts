/**
 * The reader's values as placeholders show them: the generic form without values, the reader's own
 * with them, for every kind and every data center; and values read back from storage only when valid.
 */
import { describe, expect, it } from 'vitest';
import { computeLoginUrl } from '../../../src/lib/keeper/login-url';
import { fillTemplate, KEEPER_URL_KINDS, unknownPlaceholders, usesReaderValues, valueText, VALUE_NAMES } from '../../../src/lib/keeper/reader-values';
import { KEEPER_REGIONS } from '../../../src/lib/keeper/regions';
import { parseStoredValues, readPanel, serializeValues, STORAGE_KEY } from '../../../src/lib/keeper/stored-values';

const PATHS = {
  loginUrl: '/api/rest/sso/ext_login/',
  spEntityId: '/api/rest/sso/saml/',
  acs: '/api/rest/sso/saml/sso/',
  slo: '/api/rest/sso/saml/slo/',
  metadata: '/api/rest/sso/saml/metadata/',
} as const;

describe('placeholders', () => {
  it('show the generic form without values: keepersecurity.com and <SSO ID>', () => {
    expect(Object.fromEntries(KEEPER_URL_KINDS.map((kind) => [kind, valueText(kind, undefined)]))).toEqual({
      loginUrl: 'https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>',
      spEntityId: 'https://keepersecurity.com/api/rest/sso/saml/<SSO ID>',
      acs: 'https://keepersecurity.com/api/rest/sso/saml/sso/<SSO ID>',
      slo: 'https://keepersecurity.com/api/rest/sso/saml/slo/<SSO ID>',
      metadata: 'https://keepersecurity.com/api/rest/sso/saml/metadata/<SSO ID>',
      console: 'https://keepersecurity.com/console',
    });
    expect(valueText('ssoId', undefined)).toBe('<SSO ID>');
    expect(valueText('enterpriseDomain', undefined)).toBe('<Enterprise Domain>');
    expect(valueText('providerName', undefined, 'your identity provider')).toBe('your identity provider');
  });

  it.each(KEEPER_REGIONS.map((region) => [region.id, region.host] as const))('fill every kind in region %s (%s)', (region, host) => {
    const values = { region, ssoId: '459561502469' };
    for (const [kind, path] of Object.entries(PATHS)) expect(valueText(kind as keyof typeof PATHS, values)).toBe(`https://${host}${path}459561502469`);
    expect(valueText('console', values)).toBe(`https://${host}/console`);
    expect(valueText('host', values)).toBe(host);
    // A region without an SSO ID moves the host of the generic form.
    expect(valueText('loginUrl', { region })).toBe(`https://${host}/api/rest/sso/ext_login/<SSO ID>`);
  });

  it('agree with the Login URL calculator for every kind it computes', () => {
    const result = computeLoginUrl('https://keepersecurity.jp/api/rest/sso/saml/7');
    if (!result.ok) throw new Error(result.message);
    for (const kind of Object.keys(PATHS) as Array<keyof typeof PATHS>) expect(valueText(kind, { region: 'jp', ssoId: '7' })).toBe(result.urls[kind]);
  });

  it('fill code block templates, leaving unknown names as written and listing them for the checks', () => {
    const template = 'SP Entity ID: {{spEntityId}}\nLogin URL: {{ loginUrl }}\nDomain: {{enterpriseDomain}}\n{{loginURL}}';
    expect(fillTemplate(template, undefined)).toBe(
      'SP Entity ID: https://keepersecurity.com/api/rest/sso/saml/<SSO ID>\nLogin URL: https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>\nDomain: <Enterprise Domain>\n{{loginURL}}',
    );
    expect(fillTemplate(template, { region: 'eu', ssoId: '12', enterpriseDomain: 'acme' })).toBe(
      'SP Entity ID: https://keepersecurity.eu/api/rest/sso/saml/12\nLogin URL: https://keepersecurity.eu/api/rest/sso/ext_login/12\nDomain: acme\n{{loginURL}}',
    );
    expect(unknownPlaceholders(template)).toEqual([{ name: 'loginURL', offset: template.lastIndexOf('{{') }]);
    // Values are text: markup in a value stays characters, whatever the template is.
    expect(fillTemplate('{{providerName}}', { region: 'us', providerName: '<img src=x onerror=alert(1)>' })).toBe('<img src=x onerror=alert(1)>');
  });

  it('tell which pages use values', () => {
    expect(usesReaderValues('Text <KeeperUrl kind="acs" /> more')).toBe(true);
    expect(usesReaderValues('<Value name="ssoId"/>')).toBe(true);
    expect(usesReaderValues('```text values\n{{ssoId}}\n```')).toBe(true);
    expect(usesReaderValues('```text\n{{ssoId}}\n```\n<Values>')).toBe(false);
    expect(VALUE_NAMES).toContain('ssoId');
  });
});

describe("the panel's fields", () => {
  const read = computeLoginUrl;

  it('take anything the calculator takes, and the data center from a pasted URL', () => {
    expect(
      readPanel({ region: 'us', keeperValue: ' https://keepersecurity.eu/api/rest/sso/saml/459561502469 ', enterpriseDomain: 'acme', providerName: '' }, read),
    ).toEqual({
      ok: true,
      values: { region: 'eu', ssoId: '459561502469', enterpriseDomain: 'acme' },
      notes: ['The data center is European Union, from the pasted URL.'],
    });
    expect(readPanel({ region: 'ca', keeperValue: '42', enterpriseDomain: '', providerName: 'Okta' }, read)).toEqual({
      ok: true,
      values: { region: 'ca', ssoId: '42', providerName: 'Okta' },
      notes: [],
    });
  });

  it.each([
    'https://keepersecurity.com.evil.example/api/rest/sso/saml/1',
    'https://user@keepersecurity.com/api/rest/sso/saml/1',
    'https://keepersеcurity.com/api/rest/sso/saml/1',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://sso.jumpcloud.com/saml2/keeper',
    'x'.repeat(1_000_001),
  ])("refuse %s with the calculator's own message", (input) => {
    const expected = computeLoginUrl(input, { region: 'us' });
    expect(expected.ok).toBe(false);
    expect(readPanel({ region: 'us', keeperValue: input, enterpriseDomain: '', providerName: '' }, read)).toEqual({
      ok: false,
      field: 'keeperValue',
      message: (expected as { message: string }).message,
    });
  });

  it('refuse a multi-line or over-long name', () => {
    expect(readPanel({ region: 'us', keeperValue: '', enterpriseDomain: 'a\nb', providerName: '' }, read)).toMatchObject({
      ok: false,
      field: 'enterpriseDomain',
    });
    expect(readPanel({ region: 'us', keeperValue: '', enterpriseDomain: '', providerName: 'x'.repeat(101) }, read)).toMatchObject({
      ok: false,
      field: 'providerName',
      message: 'The SSO provider name is 101 characters long; expected at most 100.',
    });
  });
});

describe('stored values', () => {
  it('round-trip in the current format, under one key', () => {
    const values = { region: 'au' as const, ssoId: '459561502469', enterpriseDomain: 'acme', providerName: 'JumpCloud' };
    expect(parseStoredValues(serializeValues(values))).toEqual({ values });
    expect(STORAGE_KEY).toBe('stepdocs:reader-values');
  });

  it.each([
    ['not JSON', '{'],
    ['an old format', JSON.stringify({ region: 'us', ssoId: '1' })],
    ['an unknown field', JSON.stringify({ format: 1, region: 'us', url: 'https://evil.example' })],
    ['an unknown region', JSON.stringify({ format: 1, region: 'mars' })],
    ['a URL in place of the SSO ID', JSON.stringify({ format: 1, region: 'us', ssoId: 'https://evil.example/' })],
    ['markup in place of the SSO ID', JSON.stringify({ format: 1, region: 'us', ssoId: '<img src=x onerror=alert(1)>' })],
    ['a number in place of a string', JSON.stringify({ format: 1, region: 'us', ssoId: 1 })],
    ['a multi-line name', JSON.stringify({ format: 1, region: 'us', providerName: 'a\nb' })],
    ['an array', '[]'],
  ])('discard %s with a note', (_what, text) => {
    expect(parseStoredValues(text)).toEqual({ discarded: 'Saved values from an earlier visit could not be read and were removed; enter them again.' });
  });
});
