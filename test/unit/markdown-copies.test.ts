/**
 * The build's Markdown copies: made from plain data (what the worker thread receives), written with
 * the images they show, images published only from inside the content folder, failures reported.
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownCopy, type CopySite, type CopySource } from '../../src/lib/markdown/markdown-copy';
import { pageMarkdown } from '../../src/lib/markdown/page-markdown';
import { parseVersions } from '../../src/lib/versions';
import { MarkdownCopies } from '../../src/node/markdown-copies';
import type { CopyAnswer, CopyPages, CopyRequest } from '../../src/node/markdown-copies-worker';
import { startWorker } from '../../src/node/worker-requests';

const versions = parseVersions([
  { id: '2.0', label: '2.0', status: 'current' },
  { id: '1.0', label: '1.0', status: 'supported' },
]);
const site: CopySite = { site: 'https://docs.example.com/', base: '/docs/', versions };
const source = (body: string, extra: Partial<CopySource> = {}): CopySource => ({
  id: '2.0/idp/okta',
  title: 'Okta',
  description: 'Configure Okta.',
  body,
  file: 'content/2.0/idp/okta.mdx',
  isAlias: false,
  ...extra,
});

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'stepdocs-copies-'));
  const content = join(root, 'content');
  const out = join(root, 'dist');
  mkdirSync(join(content, '2.0/idp/images'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(content, '2.0/idp/images/console.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), 'outside the content folder');
  return { root, content, out };
}

describe('markdownCopy', () => {
  it('gives the URLs of the site: the page, links to other pages, images at their content path', () => {
    const copy = markdownCopy(source('See [JumpCloud](../jumpcloud.mdx#set-up) and /1.0/okta/.\n\n![Console](./images/console.svg)'), site);
    expect(copy.text).toContain('[JumpCloud](https://docs.example.com/docs/2.0/jumpcloud/#set-up)');
    expect(copy.text).toContain('![Console](https://docs.example.com/docs/2.0/idp/images/console.svg)');
    expect(copy.images).toEqual(['2.0/idp/images/console.svg']);
  });

  it('is what pageMarkdown gives with those URLs, step anchors on the alias page for the alias copy', () => {
    const body = '<Steps>\n<Step id="log-in" title="Log in">\n\nOpen it.\n\n</Step>\n</Steps>';
    const expected = pageMarkdown({
      title: 'Okta',
      description: 'Configure Okta.',
      url: 'https://docs.example.com/docs/latest/idp/okta/',
      body,
      file: 'content/2.0/idp/okta.mdx',
      rulesUrl: 'https://docs.example.com/docs/rules/metadata/',
    });
    expect(markdownCopy(source(body, { isAlias: true }), site).text).toBe(expected);
    expect(markdownCopy(source(body), site).text).toContain('](https://docs.example.com/docs/2.0/idp/okta/#log-in)');
  });
});

describe('MarkdownCopies', () => {
  it('writes the copy beside the page and publishes its images once', () => {
    const { content, out } = folders();
    const copies = new MarkdownCopies(out, content);
    copies.writePage('2.0/idp/okta/index.md', source('![Console](./images/console.svg)'), site);
    copies.writePage('latest/idp/okta/index.md', source('![Console](./images/console.svg)', { isAlias: true }), site);
    expect(readFileSync(join(out, '2.0/idp/okta/index.md'), 'utf8')).toMatch(/^# Okta\n/);
    expect(existsSync(join(out, 'latest/idp/okta/index.md'))).toBe(true);
    expect(readFileSync(join(out, '2.0/idp/images/console.svg'), 'utf8')).toContain('<svg');
    expect([copies.markdown, copies.images]).toEqual([2, 1]);
  });

  it('publishes nothing from outside the content folder, by `..` or by a symlink', () => {
    const { root, content, out } = folders();
    symlinkSync(join(root, 'secret.txt'), join(content, '2.0/idp/images/linked.svg'));
    const copies = new MarkdownCopies(out, content);
    copies.writePage('2.0/idp/okta/index.md', source('![a](../../../secret.txt) ![b](./images/linked.svg) ![c](./images/missing.svg)'), site);
    expect(copies.images).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['2.0', '2.0/idp', '2.0/idp/okta', '2.0/idp/okta/index.md']);
  });

  it('makes each copy once: llms-full.txt gets the text the page got', () => {
    const { content, out } = folders();
    const copies = new MarkdownCopies(out, content);
    copies.writePage('2.0/idp/okta/index.md', source('Text.'), site);
    expect(copies.copyOf(source('changed'), site).text).toBe(readFileSync(join(out, '2.0/idp/okta/index.md'), 'utf8'));
  });
});

describe('the worker thread', () => {
  const start = (out: string, content: string) =>
    startWorker<CopyRequest, CopyAnswer, CopyPages>(new URL('../../src/node/markdown-copies-worker.ts', import.meta.url), { out, contentDir: content });

  it('answers after every page told before the request, and counts what it wrote', async () => {
    const { content, out } = folders();
    const worker = start(out, content);
    worker.tell({ site, pages: [{ path: '2.0/idp/okta/index.md', source: source('One.') }] });
    const texts = (await worker.ask({ kind: 'texts', sources: [source('changed'), source('Two.', { id: '2.0/idp/jumpcloud' })], site })) as string[];
    // The first text is the copy already written for the page, not one made again from the changed body.
    expect(texts.map((text) => text.split('\n').at(-2))).toEqual(['One.', 'Two.']);
    expect(await worker.ask({ kind: 'end' })).toEqual({ markdown: 1, images: 0 });
    await worker.stop();
  });

  it('reports the page whose copy could not be written', async () => {
    const { content, out } = folders();
    writeFileSync(join(out, '2.0'), 'a file where the folder goes');
    const worker = start(out, content);
    worker.tell({ site, pages: [{ path: '2.0/idp/okta/index.md', source: source('One.') }] });
    await expect(worker.ask({ kind: 'end' })).rejects.toThrow(/^A Markdown copy could not be written: content\/2\.0\/idp\/okta\.mdx: .*(EEXIST|ENOTDIR)/);
    await worker.stop();
  });
});
