/**
 * A checkout whose path has a space and a non-ASCII letter builds like any other, with every guide
 * validated: file URLs there are percent-encoded, and reading `URL.pathname` as a path once made the
 * build skip guide validation silently and then fail on a misleading "image was not resolved".
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

/** The project's sources (not its output or caches) in a folder named `check out ü/stepdocs`, sharing node_modules. */
function checkoutAtOddPath(): string {
  const project = join(mkdtempSync(join(tmpdir(), 'stepdocs-odd-')), 'check out ü', 'stepdocs');
  mkdirSync(project, { recursive: true });
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content'])
    cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  return project;
}

function build(project: string) {
  const result = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    env: cleanEnv({ STEPDOCS_CACHE_DIR: join(project, '.cache') }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a checkout at a path with a space and a non-ASCII letter', () => {
  it('builds the site, and still stops on a guide error with its place', () => {
    const project = checkoutAtOddPath();
    const clean = build(project);
    expect(clean.output).not.toContain('error');
    expect(clean.status).toBe(0);
    expect(existsSync(join(project, 'dist/latest/identity-providers/jumpcloud/index.html'))).toBe(true);

    const guide = join(project, 'content/latest/identity-providers/jumpcloud.mdx');
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('<Step id="set-login-url"', '<Step id="open-sso-tab"'));
    const broken = build(project);
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/jumpcloud\.mdx:\d+:\d+ error Step id "open-sso-tab" is used twice/);
  });
});
