import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/login-url.ts'), ...args], { cwd: ROOT, env: cleanEnv(), input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run login-url', () => {
  it('prints the Login URL and exits 0', () => {
    expect(run(['https://keepersecurity.eu/api/rest/sso/saml/459561502469'])).toEqual({
      status: 0,
      stdout: 'https://keepersecurity.eu/api/rest/sso/ext_login/459561502469\n',
      stderr: '',
    });
  });

  it('uses --region for a bare SSO ID', () => {
    expect(run(['459561502469', '--region', 'gov']).stdout).toBe('https://govcloud.keepersecurity.us/api/rest/sso/ext_login/459561502469\n');
  });

  it('prints every field with --json', () => {
    const result = run(['459561502469', '--json', '--region', 'au']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      ssoId: '459561502469',
      regionSource: 'choice',
      input: 'sso-id',
      urls: {
        spEntityId: 'https://keepersecurity.com.au/api/rest/sso/saml/459561502469',
        acs: 'https://keepersecurity.com.au/api/rest/sso/saml/sso/459561502469',
        slo: 'https://keepersecurity.com.au/api/rest/sso/saml/slo/459561502469',
        metadata: 'https://keepersecurity.com.au/api/rest/sso/saml/metadata/459561502469',
        loginUrl: 'https://keepersecurity.com.au/api/rest/sso/ext_login/459561502469',
      },
      notes: [],
      region: 'au',
      regionLabel: 'Australia',
      host: 'keepersecurity.com.au',
    });
  });

  it('reads Keeper SP metadata from stdin with -', () => {
    const xml =
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.ca/api/rest/sso/saml/12345"><SPSSODescriptor/></EntityDescriptor>';
    expect(run(['-'], xml).stdout).toBe('https://keepersecurity.ca/api/rest/sso/ext_login/12345\n');
  });

  it('refuses a hostile URL on stderr with exit 1', () => {
    expect(run(['https://keepersecurity.com@evil.example/api/rest/sso/saml/1'])).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'login-url: The URL has a user name before `@`, so it really points at `evil.example`, not at Keeper. Keeper URLs never contain `@`; copy the SP Entity ID again from Keeper. (userinfo)\n',
    });
  });

  it.each([
    [[], 'login-url: missing <value>'],
    [['1', '2'], 'login-url: expected one <value>, got 2'],
    [['1', '--region', 'mars'], 'login-url: unknown region `mars`; expected one of us, eu, au, ca, jp, gov'],
    [['1', '--bogus'], "login-url: Unknown option '--bogus'"],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).toContain('Usage: npm run login-url -- <value>');
  });
});
