/** `version:cut` on temporary copies of a content folder: success, refusals, and an interrupted cut. */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/node/content-files';
import { cutVersion, rewriteLinks, withoutSiteRedirects } from '../../src/node/version-cut';

function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdocs-cut-'));
  cpSync(resolve(import.meta.dirname, '../fixtures/site'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest/linking.mdx'),
    '---\ntitle: Linking\ndescription: A page with links into its own version.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-01-01\nsection: X\n---\n\nSee [the first guide](/latest/first-guide/#first), [home](/latest/), [relative](./second-guide.mdx) and <a href="/latest/second-guide/">the second</a>.\n\nText that mentions /latest/ without linking stays.\n',
  );
  return dir;
}

describe('version:cut', () => {
  it('copies the current version, rewrites links into it, and registers the version', () => {
    const dir = contentCopy();
    const plan = cutVersion({ contentDir: dir, id: '1.0', label: 'One', released: '2026-11-28' });
    expect(plan.files).toBe(5);
    expect(plan.rewrites.map(({ file, line, from, to }) => `${file}:${line} ${from} → ${to}`)).toEqual([
      '1.0/linking.mdx:10 /latest/first-guide/#first → /1.0/first-guide/#first',
      '1.0/linking.mdx:10 /latest/ → /1.0/',
      '1.0/linking.mdx:10 /latest/second-guide/ → /1.0/second-guide/',
    ]);
    expect(readFileSync(join(dir, '1.0/linking.mdx'), 'utf8')).toBe(
      readFileSync(join(dir, 'latest/linking.mdx'), 'utf8')
        .replace('(/latest/first-guide/#first)', '(/1.0/first-guide/#first)')
        .replace('(/latest/)', '(/1.0/)')
        .replace('href="/latest/second-guide/"', 'href="/1.0/second-guide/"'),
    );
    expect(readFileSync(join(dir, '1.0/images/console.png'))).toEqual(readFileSync(join(dir, 'latest/images/console.png')));
    expect(JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8'))).toEqual([
      { id: 'latest', label: 'Latest', status: 'current' },
      { id: '1.0', label: 'One', status: 'supported', released: '2026-11-28' },
    ]);
    expect(readdirSync(dir).filter((name) => name.startsWith('.cut-'))).toEqual([]);
  });

  it('plans without writing on a dry run', () => {
    const dir = contentCopy();
    const plan = cutVersion({ contentDir: dir, id: '1.0', dryRun: true });
    expect(plan.rewrites).toHaveLength(3);
    expect(existsSync(join(dir, '1.0'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8'))).toHaveLength(1);
  });

  it('refuses an id that exists, a folder that exists, and a malformed id', () => {
    const dir = contentCopy();
    expect(() => cutVersion({ contentDir: dir, id: 'latest' })).toThrow('Version `latest` already exists in versions.json; choose another id');
    const again = contentCopy();
    cpSync(join(again, 'latest'), join(again, '2.0'), { recursive: true });
    expect(() => cutVersion({ contentDir: again, id: '2.0' })).toThrow(/The folder .*2\.0 already exists; remove it or choose another id/);
    expect(() => cutVersion({ contentDir: dir, id: '../evil' })).toThrow('`../evil` is not a valid version id');
    expect(() => cutVersion({ contentDir: dir, id: 'Version 2' })).toThrow('`Version 2` is not a valid version id');
  });

  it('leaves nothing behind when interrupted before the commit', () => {
    const dir = contentCopy();
    const before = readdirSync(dir).sort();
    const versions = readFileSync(join(dir, 'versions.json'), 'utf8');
    expect(() =>
      cutVersion({
        contentDir: dir,
        id: '1.0',
        beforeCommit: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'versions.json'), 'utf8')).toBe(versions);
  });

  it('rewrites links under a base path too, and nothing else', () => {
    const text = 'A [link](/docs/latest/x/) and [other](/docs/latestnews/) and `"/latest/x/"` in code.\n';
    expect(rewriteLinks(text, '1.0/a.mdx', 'latest', '1.0', '/docs/').text).toBe(
      'A [link](/docs/1.0/x/) and [other](/docs/latestnews/) and `"/latest/x/"` in code.\n',
    );
  });
});

describe("version:cut rewrites at the parser's positions", () => {
  it('rewrites escaped URLs (`\\_`, `&amp;`) in place, not the same text in a later code block', () => {
    const text = 'See [a](/latest/foo\\_bar/) and [b](/latest/x/?a=1&amp;b=2).\n\n```\n/latest/foo\\_bar/ and /latest/x/?a=1&amp;b=2\n```\n';
    const result = rewriteLinks(text, '1.0/a.mdx', 'latest', '1.0', '/');
    expect(result.text).toBe('See [a](/1.0/foo\\_bar/) and [b](/1.0/x/?a=1&amp;b=2).\n\n```\n/latest/foo\\_bar/ and /latest/x/?a=1&amp;b=2\n```\n');
    expect(result.rewrites.map((rewrite) => [rewrite.from, rewrite.to])).toEqual([
      ['/latest/foo_bar/', '/1.0/foo_bar/'],
      ['/latest/x/?a=1&b=2', '/1.0/x/?a=1&b=2'],
    ]);
  });

  it('rewrites a URL whose link text, title or earlier text repeats it, and JSX attributes, definitions, frontmatter images', () => {
    const text =
      '---\ntitle: T\nimage: /latest/cover.png\n---\n\n[/latest/x/](/latest/x/ "/latest/x/") <a href="/latest/y/&amp;">y</a>\n\n[ref]: </latest/z z/>\n';
    const result = rewriteLinks(text, '1.0/a.mdx', 'latest', '1.0', '/');
    expect(result.text).toBe(
      '---\ntitle: T\nimage: /1.0/cover.png\n---\n\n[/latest/x/](/1.0/x/ "/latest/x/") <a href="/1.0/y/&amp;">y</a>\n\n[ref]: </1.0/z z/>\n',
    );
    expect(result.skipped).toEqual([]);
  });

  it('writes a URL anew when its version prefix itself is escaped', () => {
    const result = rewriteLinks('[a](/&#108;atest/x/)\n', '1.0/a.mdx', 'latest', '1.0', '/');
    expect(result.text).toBe('[a](/1.0/x/)\n');
  });
});

describe('version:cut under concurrent and interrupted use', () => {
  it('refuses a second cut while another process holds the content lock, naming it; takes over a stale lock', () => {
    const dir = contentCopy();
    writeFileSync(join(dir, '.stepdocs.lock'), JSON.stringify({ pid: process.pid, command: 'version:cut 0.9' }));
    expect(() => cutVersion({ contentDir: dir, id: '1.0' })).toThrow(
      `another command is changing this content folder (version:cut 0.9, process ${process.pid}); wait for it to finish`,
    );
    expect(JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8')).map((version: { id: string }) => version.id)).not.toContain('1.0');
    // A holder that no longer runs: pid 2**22 + 1 is above Linux's pid_max default.
    writeFileSync(join(dir, '.stepdocs.lock'), JSON.stringify({ pid: 4194305, command: 'version:cut 0.9' }));
    cutVersion({ contentDir: dir, id: '1.0' });
    expect(existsSync(join(dir, '.stepdocs.lock'))).toBe(false);
    expect(existsSync(join(dir, '1.0'))).toBe(true);
  });

  it('two cuts started at once both land in versions.json (one at a time), or the second is refused; none is lost', async () => {
    const dir = contentCopy();
    const script = `import { cutVersion } from ${JSON.stringify(resolve(import.meta.dirname, '../../src/node/version-cut.ts'))};
try { cutVersion({ contentDir: ${JSON.stringify(dir)}, id: process.argv[2] }); console.log('cut'); } catch (error) { console.log('refused: ' + error.message); }`;
    const file = join(dir, '..', `cut-race-${Date.now()}.ts`);
    writeFileSync(file, script);
    const run = (id: string) => new Promise<string>((done) => execFile(process.execPath, [file, id], (_error, stdout) => done(stdout.trim())));
    const [first, second] = await Promise.all([run('1.0'), run('2.0')]);
    const listed = JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8')).map((version: { id: string }) => version.id);
    for (const [id, outcome] of [
      ['1.0', first],
      ['2.0', second],
    ] as const) {
      if (outcome === 'cut') expect(listed).toContain(id);
      else expect(outcome).toMatch(/^refused: another command is changing this content folder|^refused: another command took the lock/);
      expect(existsSync(join(dir, id))).toBe(outcome === 'cut');
    }
  });

  it("removes the copy a killed cut left, and the checker's file list skips such dot-folders meanwhile", () => {
    const dir = contentCopy();
    mkdirSync(join(dir, '.cut-0.5-99999/sub'), { recursive: true });
    writeFileSync(join(dir, '.cut-0.5-99999/sub/page.mdx'), '# left over\n');
    writeFileSync(join(dir, 'latest/.okta.mdx.1.2.tmp'), 'half');
    expect(listFiles(dir).filter((file) => file.includes('.cut-') || file.endsWith('.tmp'))).toEqual([]);
    cutVersion({ contentDir: dir, id: '1.0' });
    expect(existsSync(join(dir, '.cut-0.5-99999'))).toBe(false);
  });

  it('refuses version ids that are paths the site already uses', () => {
    const dir = contentCopy();
    for (const id of ['sitemap.xml', 'pagefind', 'embed', 'rules', 'writing-guides', '404', 'widgets', 'llms.txt']) {
      expect(() => cutVersion({ contentDir: dir, id })).toThrow(`\`${id}\` is a path the site already uses`);
    }
  });
});

describe('version:cut and redirects', () => {
  it('keeps old paths inside the version, and drops old site paths from the frozen copy so they keep leading to the current one', () => {
    const page = '---\ntitle: Okta\nredirectFrom:\n  - okta\n  - /sso/okta # an old GitBook address\n---\n\nBody.\n';
    expect(withoutSiteRedirects(page)).toBe('---\ntitle: Okta\nredirectFrom:\n  - okta\n---\n\nBody.\n');
    expect(withoutSiteRedirects('---\ntitle: A\nredirectFrom: [/only/site]\n---\nBody')).toBe('---\ntitle: A\n---\nBody');
    const untouched = '---\ntitle: A\nredirectFrom: [a, b]\n---\nBody';
    expect(withoutSiteRedirects(untouched)).toBe(untouched);
  });
});
