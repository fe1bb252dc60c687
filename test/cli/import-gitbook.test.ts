/** `npm run import:gitbook` on the seed page and on every corpus space, and a build of an imported space. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { validateGuide } from '../../src/lib/guide/validate-guide';
import { listFiles } from '../../src/node/content-files';
import { buildSite, cleanEnv, ROOT } from '../support/build-site';

const SEED = resolve(ROOT, '../shared/seed/jumpcloud.gitbook.md');
const CORPUS = resolve(ROOT, '../shared/corpus/gitbook');

function contentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdocs-import-'));
  writeFileSync(join(dir, 'versions.json'), '[{ "id": "latest", "label": "Latest", "status": "current" }]');
  mkdirSync(join(dir, 'latest'));
  return dir;
}

function run(contentDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/import-gitbook.ts'), ...args], {
    cwd: ROOT,
    env: cleanEnv({ STEPDOCS_CONTENT_DIR: contentDir }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import:gitbook', () => {
  it('imports the seed into a guide with the five steps, the hints and the figures of the hand-made one', () => {
    const dir = contentFolder();
    const result = run(dir, [SEED, '--version', 'latest', '--idp', 'JumpCloud', '--section', 'Identity providers', '--reviewed', '2026-11-28']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Converted: figure 15, hint 6, numbered-steps 1.');
    expect(result.stdout).toMatch(/\n1 page, \d+ words, 0 lost\n$/);
    expect(result.stdout).toContain('Images still to fetch: 15');
    const mdx = readFileSync(join(dir, 'latest/jumpcloud.mdx'), 'utf8');
    // Step 4's key line: the URL the author wrote, no stray backslash, and the placeholder the reader replaces.
    expect(mdx).toContain('input the **Login URL** as such **`https://keepersecurity.com/api/rest/sso/ext_login/<YourSSOIdHere>`.**');
    expect(mdx).not.toMatch(/ext\\+_login/);
    expect(result.stdout).toContain('`<YourSSOIdHere>` kept as text the reader replaces gitbook/placeholder');
    expect([...mdx.matchAll(/<Step id="([^"]+)"/g)].length).toBe(5);
    expect([...mdx.matchAll(/<Hint type="(\w+)"/g)].map((match) => match[1])).toEqual(['success', 'warning', 'info', 'success', 'info', 'warning']);
    expect(mdx).toContain('<Hint type="info" title="User Provisioning SSO+SCIM">');
    expect(mdx).not.toMatch(/gitbook\.io|https:\/\/[^)"\s]*\.(png|jpg)/i);
    const manifest = JSON.parse(readFileSync(join(dir, 'latest/gitbook-images-to-fetch.json'), 'utf8'));
    expect(manifest).toHaveLength(15);
    expect(manifest[0].source).toMatch(/^https:\/\/2503956294-files\.gitbook\.io\//);
    // Valid MDX, and valid stepdocs structure except for the images still to fetch.
    mdxToMdast(mdx);
    const problems = validateGuide(mdx, { file: 'jumpcloud.mdx', checkAsset: () => ({ status: 'missing' }) }).map((finding) => finding.ruleId);
    expect(new Set(problems)).toEqual(new Set(['images/missing-file']));
  });

  it('writes nothing on a dry run, refuses to overwrite without --force, and is byte-identical when run twice', () => {
    const dir = contentFolder();
    const dry = run(dir, [SEED, '--version', 'latest', '--dry-run', '--reviewed', '2026-11-28']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(readdirSync(join(dir, 'latest'))).toEqual([]);
    expect(run(dir, [SEED, '--version', 'latest', '--reviewed', '2026-11-28']).status).toBe(0);
    const first = readFileSync(join(dir, 'latest/jumpcloud.mdx'), 'utf8');
    expect(run(dir, [SEED, '--version', 'latest', '--reviewed', '2026-11-28']).status).toBe(0);
    expect(readFileSync(join(dir, 'latest/jumpcloud.mdx'), 'utf8')).toBe(first);
    writeFileSync(join(dir, 'latest/jumpcloud.mdx'), 'edited by an author\n');
    const refused = run(dir, [SEED, '--version', 'latest', '--reviewed', '2026-11-28']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('1 file would be overwritten');
    expect(readFileSync(join(dir, 'latest/jumpcloud.mdx'), 'utf8')).toBe('edited by an author\n');
    expect(run(dir, [SEED, '--version', 'latest', '--force', '--reviewed', '2026-11-28']).status).toBe(0);
    expect(readFileSync(join(dir, 'latest/jumpcloud.mdx'), 'utf8')).toBe(first);
  });

  it.each(readdirSync(CORPUS).filter((name) => !name.endsWith('.md')))('imports the corpus space %s; every page compiles as MDX', (space) => {
    const dir = contentFolder();
    const result = run(dir, [join(CORPUS, space), '--version', 'latest', '--into', 'imported', '--reviewed', '2026-11-28']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The fidelity check read every page: not a word GitBook shows was lost.
    expect(result.stdout).toMatch(/\n\d+ pages?, \d+ words, 0 lost\n$/);
    expect(result.stdout).not.toContain('gitbook/dropped-text');
    const pages = listFiles(join(dir, 'latest/imported')).filter((file) => file.endsWith('.mdx'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const mdx = readFileSync(join(dir, 'latest/imported', page), 'utf8');
      // Compiled, not only parsed: this is the MDX compiler Astro itself uses.
      expect(() => mdxToJs(mdx), page).not.toThrow();
      const errors = validateGuide(mdx, { file: page, checkAsset: () => ({ status: 'ok' }) }).filter((finding) => finding.severity === 'error');
      expect(errors, page).toEqual([]);
    }
  });

  it('orders a space by SUMMARY.md and groups its pages into sections', () => {
    const dir = contentFolder();
    run(dir, [join(CORPUS, 'audacity__audacity-support'), '--version', 'latest', '--reviewed', '2026-11-28']);
    const order = (file: string) => /\norder: (\d+)\n/.exec(readFileSync(join(dir, 'latest', file), 'utf8'))?.[1];
    const section = (file: string) => /\nsection: (.+)\n/.exec(readFileSync(join(dir, 'latest', file), 'utf8'))?.[1];
    expect(existsSync(join(dir, 'latest/index.mdx'))).toBe(true);
    expect(Number(order('index.mdx'))).toBeLessThan(Number(order('basics/installing-ffmpeg.mdx')));
    expect(section('basics/installing-ffmpeg.mdx')).not.toBe('Imported');
  });

  it('builds a site from an imported space', () => {
    const dir = contentFolder();
    expect(run(dir, [join(CORPUS, 'hambergerpls__gbmd-mdoc'), '--version', 'latest', '--reviewed', '2026-11-28']).status).toBe(0);
    const build = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(build.output).toContain('Complete!');
    expect(build.status).toBe(0);
  });
});

describe('npm run import:gitbook --fetch-images', () => {
  it('downloads the remote images it can reach and lists the rest in the manifest', async () => {
    const { createServer } = await import('node:http');
    const { spawn } = await import('node:child_process');
    const png = readFileSync(resolve(ROOT, 'src/manual/images/example-raster.png'));
    const server = createServer((request, response) => {
      if (request.url === '/assets/Shot.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const dir = contentFolder();
    const page = join(mkdtempSync(join(tmpdir(), 'stepdocs-page-')), 'page.md');
    writeFileSync(page, `# Page\n\n![A shot](http://127.0.0.1:${port}/assets/Shot.png)\n\n![Gone](http://127.0.0.1:${port}/assets/gone.png)\n`);
    const result = await new Promise<{ status: number | null; stdout: string }>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/import-gitbook.ts'), page, '--version', 'latest', '--fetch-images', '--reviewed', '2026-11-28'], {
        cwd: ROOT,
        env: cleanEnv({ STEPDOCS_CONTENT_DIR: dir }),
      });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('close', (status) => done({ status, stdout }));
    });
    server.close();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Downloaded 1 of 2 remote images.');
    expect(readFileSync(join(dir, 'latest/images/shot.png'))).toEqual(png);
    expect(JSON.parse(readFileSync(join(dir, 'latest/gitbook-images-to-fetch.json'), 'utf8'))).toEqual([
      { page: 'page.mdx', source: `http://127.0.0.1:${port}/assets/gone.png`, target: './images/gone.png' },
    ]);
    expect(result.stdout).toContain('Images still to fetch: 1');
  });
});

describe('npm run import:gitbook on a small space', () => {
  it('copies local assets next to the pages, rewrites links between pages, and reads .gitbook.yaml', () => {
    const space = mkdtempSync(join(tmpdir(), 'stepdocs-space-'));
    mkdirSync(join(space, 'docs/.gitbook/assets'), { recursive: true });
    mkdirSync(join(space, 'docs/setup'), { recursive: true });
    writeFileSync(
      join(space, '.gitbook.yaml'),
      'root: ./docs/\nstructure:\n  readme: intro.md\n  summary: SUMMARY.md\nredirects:\n  old: setup/okta.md\n  gone: missing.md\n',
    );
    writeFileSync(join(space, 'docs/SUMMARY.md'), '# Table of contents\n\n* [Intro](intro.md)\n\n## Setup\n\n* [Okta](setup/okta.md)\n');
    writeFileSync(join(space, 'docs/intro.md'), '# Intro\n\nStart with [Okta](setup/okta.md#configure).\n');
    writeFileSync(
      join(space, 'docs/setup/okta.md'),
      '---\ndescription: Configure Okta for single sign-on.\n---\n\n# Okta\n\n## Configure\n\n![The Okta console](../.gitbook/assets/okta%20console.png)\n\nBack to [the intro](../intro.md).\n',
    );
    writeFileSync(join(space, 'docs/.gitbook/assets/okta console.png'), readFileSync(resolve(ROOT, 'src/manual/images/example-raster.png')));
    const dir = contentFolder();
    const result = run(dir, [space, '--version', 'latest', '--into', 'guides', '--reviewed', '2026-11-28']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Redirect `gone` → `missing.md`: that page is not in the space, so the redirect is not kept');
    expect(listFiles(join(dir, 'latest/guides'))).toEqual(['index.mdx', 'setup/images/okta-console.png', 'setup/okta.mdx']);
    const intro = readFileSync(join(dir, 'latest/guides/index.mdx'), 'utf8');
    expect(intro).toContain('Start with [Okta](./setup/okta.mdx#configure).');
    expect(intro).toMatch(/\norder: 10\n/);
    const okta = readFileSync(join(dir, 'latest/guides/setup/okta.mdx'), 'utf8');
    expect(okta).toMatch(/\nsection: Setup\n/);
    expect(okta).toContain('<Figure src="./images/okta-console.png" alt="The Okta console" />');
    expect(okta).toContain('Back to [the intro](../index.mdx).');
    // The space's old address of the page, below the folder it was imported into, redirects to it.
    expect(okta).toMatch(/\nredirectFrom:\n {2}- guides\/old\n/);
    // The imported space builds, and its links check clean.
    const build = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(build.status).toBe(0);
    expect(readFileSync(join(build.outDir, 'latest/guides/old/index.html'), 'utf8')).toContain('url=/latest/guides/setup/okta/');
    const check = spawnSync(process.execPath, [join(ROOT, 'bin/check-links.ts')], {
      cwd: ROOT,
      env: cleanEnv({ STEPDOCS_CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    expect(check.stdout).toMatch(/^2 files, 0 errors, 0 warnings/);
  });
});

describe('npm run import:gitbook: the fidelity check and its report formats', () => {
  // An <iframe> becomes a link captioned with the frame's title: words a GitBook reader never saw as text.
  const page = (dir: string) => {
    writeFileSync(join(dir, 'embed.md'), '# Embed\n\nWatch:\n\n<iframe src="https://video.example/embed/x" title="Demo video"></iframe>\n');
    return join(dir, 'embed.md');
  };

  it('writes nothing and exits 1 when words change, unless --allow-loss', () => {
    const dir = contentFolder();
    const refused = run(dir, [page(dir), '--version', 'latest', '--reviewed', '2026-11-28']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('embed.md:3:1 error 2 words added: `Demo video` (');
    expect(refused.stdout).toContain('nothing was written');
    expect(refused.stdout).toMatch(/\n1 page, 2 words, 2 lost\n$/);
    expect(existsSync(join(dir, 'latest/embed.mdx'))).toBe(false);
    const allowed = run(dir, [page(dir), '--version', 'latest', '--reviewed', '2026-11-28', '--allow-loss']);
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(dir, 'latest/embed.mdx'), 'utf8')).toContain('[Demo video](https://video.example/embed/x)');
  });

  it('prints its findings as JSON, GitHub annotations or SARIF', () => {
    const dir = contentFolder();
    const json = JSON.parse(run(dir, [page(dir), '--version', 'latest', '--dry-run', '--format', 'json']).stdout);
    expect(json.summary).toBe('1 page, 2 words, 2 lost');
    expect(json.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['gitbook/dropped-text']);
    expect(run(dir, [page(dir), '--version', 'latest', '--dry-run', '--format', 'github']).stdout).toMatch(
      /^::error file=.*embed\.md,line=3,col=1,title=gitbook\/dropped-text::2 words added/,
    );
    const sarif = JSON.parse(run(dir, [page(dir), '--version', 'latest', '--dry-run', '--format', 'sarif']).stdout);
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('gitbook/dropped-text');
    expect(sarif.runs[0].results[0].ruleId).toBe('gitbook/dropped-text');
  });
});

describe('npm run import:gitbook on a hostile space', () => {
  it('reads nothing outside the space: ../ includes, symlinked includes and images, a root outside', () => {
    const dir = contentFolder();
    const space = mkdtempSync(join(tmpdir(), 'stepdocs-hostile-'));
    mkdirSync(join(space, '.gitbook/includes'), { recursive: true });
    writeFileSync(join(dir, 'secret.md'), 'SECRET-OUTSIDE-THE-SPACE\n');
    symlinkSync(join(dir, 'secret.md'), join(space, '.gitbook/includes/leak.md'));
    symlinkSync(join(dir, 'secret.md'), join(space, 'pic.png'));
    writeFileSync(
      join(space, 'README.md'),
      `# Hostile\n\n{% include "../${basename(dir)}/secret.md" %}\n\n{% include ".gitbook/includes/leak.md" %}\n\n![A picture](pic.png)\n\n[bad escape](./%zz.md)\n`,
    );
    const result = run(dir, [space, '--version', 'latest', '--reviewed', '2026-11-28']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = listFiles(join(dir, 'latest'))
      .map((file) => readFileSync(join(dir, 'latest', file), 'utf8'))
      .join('\n');
    expect(written).not.toContain('SECRET-OUTSIDE-THE-SPACE');
    expect(existsSync(join(dir, 'latest/images/pic.png'))).toBe(false);
    expect(result.stdout.match(/gitbook\/include-missing/g)).toHaveLength(2);
    expect(result.stdout).toContain('Image pic.png is not in the space (or leaves it through a link); it was not copied');
    writeFileSync(join(space, '.gitbook.yaml'), `root: ../${basename(dir)}\n`);
    const outside = run(dir, [space, '--version', 'latest', '--force']);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toBe(`import:gitbook: .gitbook.yaml: root \`../${basename(dir)}\` is outside the space; only folders inside it are imported\n`);
  });

  it('stops a self-include at the depth limit, names the chain, and writes nothing without --allow-loss', () => {
    const dir = contentFolder();
    const space = mkdtempSync(join(tmpdir(), 'stepdocs-hostile-'));
    mkdirSync(join(space, '.gitbook/includes'), { recursive: true });
    writeFileSync(join(space, '.gitbook/includes/self.md'), 'Again.\n\n{% include "self.md" %}\n');
    writeFileSync(join(space, 'README.md'), '# Loop\n\n{% include "self.md" %}\n');
    const result = run(dir, [space, '--version', 'latest', '--reviewed', '2026-11-28']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /README\.md:3:1 error Include `self\.md` not read: includes nested 8 deep \(\.gitbook\/includes\/self\.md( → \.gitbook\/includes\/self\.md){7} → self\.md\) gitbook\/include-limit/,
    );
    expect(existsSync(join(dir, 'latest/index.mdx'))).toBe(false);
  });
});
