import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

const CORPUS = resolve(ROOT, '../shared/corpus/metadata');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/check-metadata.ts'), ...args], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check:metadata', () => {
  it('exits 0 for a clean IdP file and prints a summary', () => {
    const result = run([join(CORPUS, 'okta-idp-metadata.xml'), '--now', '2026-11-28']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('IdP metadata: http://www.okta.com/exkppsa1qwuFV4D7z0h7');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 file, 0 errors, 0 warnings, 3 infos');
  });

  it('exits 1 when any file has an error, with file:line:col, rule id and fix', () => {
    const file = join(CORPUS, 'sp-metadata-javascript-acs.xml');
    const result = run([join(CORPUS, 'okta-idp-metadata.xml'), file, '--now', '2026-11-28']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `  ${file}:1:549 error \`AssertionConsumerService\` Location uses the \`javascript:\` scheme: \`javascript:alert(true)\`; expected an https:// URL sso/dangerous-scheme\n    fix: Do not use this file.`,
    );
    expect(result.stdout.trim().split('\n').at(-1)).toBe('2 files, 3 errors, 0 warnings, 3 infos');
  });

  it('prints kind, entities and findings per file as JSON', () => {
    const result = run([join(CORPUS, 'microsoft-online-sp-metadata-signed.xml'), '--format', 'json', '--now', '2026-11-28']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toBe(3);
    expect(json.files[0]).toMatchObject({ kind: 'sp', encoding: 'UTF-8', entityCount: 1, counts: { error: 3, warning: 1, info: 0 } });
    expect(json.files[0].entities[0].entityId).toBe('urn:federation:MicrosoftOnline');
    expect(json.files[0].findings[0]).toMatchObject({ ruleId: 'roles/sp-metadata', severity: 'error', place: { line: 2, column: 1 } });
    expect(json.files[0].findings[0].url).toBe('https://stepdocs.example/rules/metadata/#roles-sp-metadata');
  });

  it('accepts SP metadata with --expect sp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-meta-'));
    const file = join(dir, 'keeper-sp.xml');
    writeFileSync(
      file,
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/459561502469"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://keepersecurity.com/api/rest/sso/saml/sso/459561502469" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>',
    );
    expect(run([file, '--expect', 'sp']).status).toBe(0);
    expect(run([file]).status).toBe(1);
  });

  it.each([
    [[], 'check:metadata: no files given'],
    [['/no/such/file.xml'], 'check:metadata: no such file: /no/such/file.xml'],
    [[CORPUS], `check:metadata: not a file: ${CORPUS}`],
    [['x.xml', '--format', 'xml'], 'check:metadata: unknown format `xml`; expected pretty or json'],
    [['x.xml', '--expect', 'both'], 'check:metadata: unknown --expect `both`; expected idp, sp or any'],
    [['x.xml', '--now', 'someday'], 'check:metadata: --now `someday` is not a date; expected e.g. 2027-01-01'],
    [['x.xml', '--verbose'], "check:metadata: Unknown option '--verbose'"],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).toContain('Usage: npm run check:metadata');
  });
});
