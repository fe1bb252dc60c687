/** `version:cut` on temporary copies of a content folder: success, refusals, and an interrupted cut. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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
      readFileSync(join(dir, 'latest/linking.mdx'), 'utf8').replace('(/latest/first-guide/#first)', '(/1.0/first-guide/#first)').replace('(/latest/)', '(/1.0/)').replace('href="/latest/second-guide/"', 'href="/1.0/second-guide/"'),
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
    expect(rewriteLinks(text, '1.0/a.mdx', 'latest', '1.0', '/docs/').text).toBe('A [link](/docs/1.0/x/) and [other](/docs/latestnews/) and `"/latest/x/"` in code.\n');
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
