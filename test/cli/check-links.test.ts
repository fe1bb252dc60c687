/** `npm run check`: output of each format and exit codes, on the fixture and on the project's own content. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/check-links.ts'), ...args], { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FIXTURE = { STEPDOCS_CONTENT_DIR: 'test/fixtures/links' };

describe('npm run check', () => {
  it("comes out clean on the project's own content (every version)", () => {
    const result = run([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+ files?, 0 errors, 0 warnings \(\d+ references, [\d.]+ s\)\n$/);
  });

  it('prints findings grouped by file with a summary, and exits 1 on errors', () => {
    const result = run([], FIXTURE);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'test/fixtures/links/latest/guide.mdx\n  test/fixtures/links/latest/guide.mdx:24:31 error Cannot find page `./okta-setp.mdx`; did you mean `/latest/okta-setup/`? links/missing-page\n    fix: ',
    );
    expect(result.stdout).toMatch(/\n4 files, 15 errors, 6 warnings \(36 references, [\d.]+ s\)\n$/);
  });

  it("reports the build's page rules and redirects too, every file checked: guide-only field, bad kind, Tab outside Tabs, duplicate step id, redirect loop", () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-page-rules-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('versions.json', '[{ "id": "latest", "label": "Latest", "status": "current" }]');
    write(
      'latest/overview.mdx',
      '---\nkind: page\ntitle: Overview\ndescription: A general page with a guide field.\nsection: Tests\nidp: Okta\n---\n\n<Tab label="EU">\nx\n</Tab>\n',
    );
    write('latest/odd.mdx', '---\nkind: pgae\ntitle: Odd\ndescription: A page of a kind that does not exist.\nsection: Tests\n---\n\nText.\n');
    write(
      'latest/guides/okta.mdx',
      '---\ntitle: Okta\ndescription: A guide with a repeated step id.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-01-01\nsection: Tests\n---\n\n<Steps>\n<Step id="a" title="A">\nx\n</Step>\n<Step id="a" title="B">\ny\n</Step>\n</Steps>\n',
    );
    write('stepdocs.config.json', JSON.stringify({ redirects: { 'old/a': 'old/b/', 'old/b': 'old/a/' } }, null, 2));
    const result = run(['--config', join(dir, 'stepdocs.config.json')], { STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).toBe(1);
    const lines = result.stdout
      .split('\n')
      .filter((line) => / error /.test(line))
      .map((line) => line.trim().replace(/^\S*?stepdocs-page-rules-\w+/, '<dir>'));
    expect(lines).toEqual([
      expect.stringMatching(/^<dir>\/latest\/guides\/okta\.mdx:14:7 error Step id "a" is used twice \(first at line 11\) steps\/duplicate-id$/),
      expect.stringMatching(
        /^<dir>\/latest\/odd\.mdx:2:1 error Frontmatter field `kind` is invalid: expected `guide` or `page`; did you mean `page`\? frontmatter\/invalid-field$/,
      ),
      expect.stringMatching(
        /^<dir>\/latest\/overview\.mdx:6:1 error Frontmatter field `idp` belongs to guides, and this is a general page \(`kind: page`\) frontmatter\/guide-only-field$/,
      ),
      expect.stringMatching(/^<dir>\/latest\/overview\.mdx:9:1 error `<Tab>` is not directly inside `<Tabs>` tabs\/tab-outside-tabs$/),
      expect.stringMatching(/^<dir>\/stepdocs\.config\.json:3:5 error Redirect `old\/a\/` → `old\/b\/` leads back to itself .* redirects\/loop$/),
      expect.stringMatching(/^<dir>\/stepdocs\.config\.json:4:5 error Redirect `old\/b\/` → `old\/a\/` leads back to itself .* redirects\/loop$/),
    ]);
    expect(result.stderr).toBe('');
  });

  it('links every finding to its rule on the rules page', () => {
    const findings = JSON.parse(run(['--format', 'json'], FIXTURE).stdout).findings as Array<{ ruleId: string; url?: string }>;
    expect(findings.length).toBeGreaterThan(10);
    for (const finding of findings) expect(finding.url).toBe(`https://stepdocs.example/rules/#rule-${finding.ruleId.replace(/[^a-z0-9]+/g, '-')}`);
  });

  it('prints the same findings when a second run is served from the cache', () => {
    const first = run(['--format', 'json'], FIXTURE);
    const second = run(['--format', 'json'], FIXTURE);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('skips URLs matching the configured exclude patterns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-config-'));
    const config = join(dir, 'stepdocs.config.json');
    writeFileSync(config, JSON.stringify({ links: { exclude: ['^/latest/missing-page/$', '^\\./okta-setp'] } }));
    const json = JSON.parse(run(['--format', 'json', '--config', config], FIXTURE).stdout);
    expect(json.findings).toHaveLength(19);
    writeFileSync(config, '{ "links": { "exclude": ["("] } }');
    const bad = run(['--config', config], FIXTURE);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('links.exclude has an invalid regular expression `(`');
  });

  it('limits the report to the paths given', () => {
    const result = run(['test/fixtures/links/1.0'], FIXTURE);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/\n4 files, 2 errors, 0 warnings/);
  });

  it('prints JSON', () => {
    const json = JSON.parse(run(['--format', 'json'], FIXTURE).stdout);
    expect(json.files).toBe(4);
    expect(json.findings).toHaveLength(21);
    expect(json.findings[0]).toEqual({
      ruleId: 'links/leaves-version',
      severity: 'error',
      reason: 'Link `/latest/guide/` from version `1.0` leads into version `latest`',
      file: 'test/fixtures/links/1.0/guide.mdx',
      place: { line: 12, column: 36 },
      note: 'Link within `1.0` (a relative link such as `./page.mdx` stays in its version), or mark a deliberate cross-version link with `{/* stepdocs-ignore links/leaves-version */}`.',
      source: 'stepdocs-links',
      url: 'https://stepdocs.example/rules/#rule-links-leaves-version',
    });
  });

  it('prints GitHub workflow annotations', () => {
    const lines = run(['--format', 'github'], FIXTURE).stdout.trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(
      '::error file=test/fixtures/links/1.0/guide.mdx,line=12,col=36,title=links/leaves-version::Link `/latest/guide/` from version `1.0` leads into version `latest`%0ALink within `1.0` (a relative link such as `./page.mdx` stays in its version), or mark a deliberate cross-version link with `{/* stepdocs-ignore links/leaves-version */}`.',
    );
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(6);
  });

  it('prints SARIF 2.1.0', () => {
    const sarif = JSON.parse(run(['--format', 'sarif'], FIXTURE).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('stepdocs-links');
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('images/case-mismatch');
    expect(sarif.runs[0].results).toHaveLength(21);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/links/1.0/guide.mdx' },
      region: { startLine: 12, startColumn: 36 },
    });
  });

  it.each([
    [['--format', 'xml'], 'check: unknown format `xml`; expected pretty, json, github, sarif'],
    [['--frobnicate'], "check: Unknown option '--frobnicate'"],
    [['no/such/path'], 'check: no such file or folder: no/such/path'],
    [['--config', 'missing.json'], 'check: no such config file: missing.json'],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it('exits 2 in dist mode when nothing was built', () => {
    const result = run(['--dist'], { STEPDOCS_OUT_DIR: '/nonexistent-stepdocs-dist' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('run `npm run build` first');
  });
});

describe('npm run check --watch', () => {
  it('reports a planted error within a second of the save, and its fix, printing only what changed', async () => {
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-watch-'));
    mkdirSync(join(dir, 'latest'));
    writeFileSync(join(dir, 'versions.json'), '[{ "id": "latest", "label": "Latest", "status": "current" }]');
    const page = '---\nkind: page\ntitle: Watched\ndescription: A page edited while the check watches.\nsection: Tests\n---\n\n';
    writeFileSync(join(dir, 'latest/watched.mdx'), `${page}Fine.\n`);
    const child = spawn(process.execPath, [join(ROOT, 'bin/check-links.ts'), '--watch'], { cwd: ROOT, env: cleanEnv({ STEPDOCS_CONTENT_DIR: dir }) });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const waitFor = async (pattern: RegExp, since: number) => {
      for (let waited = 0; waited < 20_000; waited += 50) {
        if (pattern.test(output.slice(since))) return performance.now();
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`no ${pattern} in:\n${output}`);
    };
    try {
      await waitFor(/Watching .* for changes/, 0);
      let mark = output.length;
      const saved = performance.now();
      writeFileSync(join(dir, 'latest/watched.mdx'), `${page}See [nowhere](./nowhere.mdx).\n`);
      const seen = await waitFor(/1 new, 0 fixed; 1 error/, mark);
      expect(output.slice(mark)).toMatch(/^\+ .*watched\.mdx:8:5 error Cannot find page `\.\/nowhere\.mdx` \(links\/missing-page\)\n {2}hint: /m);
      // Generous for a loaded machine; the bench prints the real figure.
      expect(seen - saved).toBeLessThan(5_000);
      mark = output.length;
      writeFileSync(join(dir, 'latest/watched.mdx'), `${page}Fine again.\n`);
      await waitFor(/0 new, 1 fixed; 0 errors/, mark);
      expect(output.slice(mark)).toMatch(/^- fixed: .*watched\.mdx:8:5 error Cannot find page/m);
    } finally {
      child.kill();
    }
  });
});

describe('npm run check on raw HTML in .md pages', () => {
  it('reads links and images in HTML blocks as it reads Markdown ones, at their lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-html-'));
    mkdirSync(join(dir, 'latest'));
    writeFileSync(join(dir, 'versions.json'), '[{ "id": "latest", "label": "Latest", "status": "current" }]');
    writeFileSync(
      join(dir, 'latest/plain.md'),
      '---\nkind: page\ntitle: Plain\ndescription: A Markdown page with raw HTML in it.\nsection: Tests\n---\n\n<p>\n  See <a href="./nowhere.md">the missing page</a>.\n  <img src="./images/missing.png">\n</p>\n\n<div><a href="javascript:alert(1)">run</a></div>\n',
    );
    const result = run(['--format', 'json'], { STEPDOCS_CONTENT_DIR: dir });
    const findings = JSON.parse(result.stdout).findings.map(
      (finding: { ruleId: string; place: { line: number; column: number } }) => `${finding.place.line}:${finding.place.column} ${finding.ruleId}`,
    );
    expect(findings.sort()).toEqual(['10:3 images/missing-alt', '10:3 images/missing-file', '13:6 links/unsupported-scheme', '9:7 links/missing-page']);
    expect(result.status).toBe(1);
  });
});
