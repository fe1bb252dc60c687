/** `npm run new`: the scaffold's pages pass `npm run check` as written, and nothing is ever overwritten. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdocs-new-'));
  cpSync(join(ROOT, 'test/fixtures/site'), dir, { recursive: true });
  return dir;
}

describe('npm run new', () => {
  it('writes a guide and a general page that pass npm run check, each with an images folder', () => {
    const dir = contentCopy();
    const env = { STEPDOCS_CONTENT_DIR: dir };
    const guide = run('bin/new-page.ts', ['guide', 'identity-providers/okta', '--idp', 'okta'], env);
    expect(guide.stderr).toBe('');
    expect(guide.status).toBe(0);
    const page = run('bin/new-page.ts', ['page', 'admin/certificate-renewal'], env);
    expect(page.status).toBe(0);
    const text = readFileSync(join(dir, 'latest/identity-providers/okta.mdx'), 'utf8');
    expect(text).toMatch(/^---\ntitle: Okta\ndescription: Configure Okta as the SAML 2\.0 identity provider for Keeper SSO Connect Cloud\.\nidp: Okta\n/);
    expect(text.match(/<Step id="/g)).toHaveLength(2);
    expect(readFileSync(join(dir, 'latest/admin/certificate-renewal.mdx'), 'utf8')).toMatch(/^---\nkind: page\ntitle: Certificate Renewal\n/);
    expect(statSync(join(dir, 'latest/identity-providers/images')).isDirectory()).toBe(true);
    const check = run('bin/check-links.ts', ['--format', 'json', join(dir, 'latest/identity-providers'), join(dir, 'latest/admin')], env);
    expect(JSON.parse(check.stdout).findings).toEqual([]);
  });

  it('refuses to overwrite, and names what is wrong with a bad kind, path or identity provider', () => {
    const dir = contentCopy();
    const env = { STEPDOCS_CONTENT_DIR: dir };
    expect(run('bin/new-page.ts', ['page', 'notes'], env).status).toBe(0);
    const before = readFileSync(join(dir, 'latest/notes.mdx'), 'utf8');
    const again = run('bin/new-page.ts', ['page', 'notes', '--title', 'Other'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/notes\.mdx already exists; nothing was written/);
    expect(readFileSync(join(dir, 'latest/notes.mdx'), 'utf8')).toBe(before);
    expect(run('bin/new-page.ts', ['guide', 'okta', '--idp', 'Oktaa'], env).stderr).toContain(
      "--idp `Oktaa` is not in the site configuration's identityProviders; did you mean `Okta`?",
    );
    expect(run('bin/new-page.ts', ['page', 'My Page'], env).stderr).toContain(
      '`My Page` is not a page path: lowercase words joined by `-`, folders by `/`; did you mean `my-page`?',
    );
    expect(run('bin/new-page.ts', ['paeg', 'x'], env).status).toBe(2);
    expect(run('bin/new-page.ts', ['page', '../escape'], env).status).toBe(2);
    expect(existsSync(join(dir, 'escape.mdx'))).toBe(false);
  });
});
