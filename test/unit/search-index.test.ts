/** The search-index integration against a stand-in for Astro's prerenderer, with the real Pagefind. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { searchIndex } from '../../src/integrations/search-index';

const GUIDE = '<!DOCTYPE html><html lang="en"><head><title>Okta | Docs</title></head><body><nav><a href="/">Home</a> sidebar words</nav><article data-pagefind-body data-pagefind-filter="version:latest"><h1>Okta</h1><p>Upload the federation metadata.</p></article></body></html>';
const HOME = '<!DOCTYPE html><html lang="en"><head><title>Docs</title></head><body><h1>Guides</h1></body></html>';

type Hooks = Required<AstroIntegration['hooks']>;
const logger = { info: () => undefined } as unknown as Parameters<Hooks['astro:build:done']>[0]['logger'];

/**
 * Runs the integration's build hooks over `pages`; `read` is how the stand-in for Astro reads each
 * rendered page: `arrayBuffer()` as Astro 7 does, or `text()`, after which the page is written out.
 */
async function build(pages: Record<string, string>, read: 'arrayBuffer' | 'text', base = '/'): Promise<{ outDir: string; urls: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'stepdocs-search-'));
  const integration = searchIndex();
  const hooks = integration.hooks as Hooks;
  await hooks['astro:config:done']({ config: { base, outDir: pathToFileURL(`${outDir}/`) } } as unknown as Parameters<Hooks['astro:config:done']>[0]);
  let wrap: ((prerenderer: AstroPrerenderer) => AstroPrerenderer) | undefined;
  await hooks['astro:build:start']({ logger, setPrerenderer: (value) => (wrap = value as typeof wrap) } as Parameters<Hooks['astro:build:start']>[0]);
  const prerenderer = wrap!({
    name: 'stand-in',
    getStaticPaths: async () => [],
    render: async (request) => new Response(pages[new URL(request.url).pathname] ?? '', { headers: { 'content-type': 'text/html' } }),
  } as AstroPrerenderer);
  for (const path of Object.keys(pages)) {
    const response = (await prerenderer.render(new Request(`http://localhost${path}`), { routeData: {} as never, collectMetadata: false })) as Response;
    if (read === 'arrayBuffer') {
      // As Astro does; the page is not written, so what gets indexed can only be what was heard.
      await response.arrayBuffer();
      continue;
    }
    const file = join(outDir, path.slice(base.length), 'index.html');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, await response.text());
  }
  await prerenderer.teardown?.();
  await hooks['astro:build:done']({ dir: pathToFileURL(`${outDir}/`), pages: [], assets: new Map(), logger } as unknown as Parameters<Hooks['astro:build:done']>[0]);
  return { outDir, urls: fragmentUrls(outDir) };
}

/** The result URLs in the written index (fragments are gzip with a short signature before the JSON). */
function fragmentUrls(outDir: string): string[] {
  const folder = join(outDir, 'pagefind/fragment');
  return readdirSync(folder)
    .map((name) => {
      const text = gunzipSync(readFileSync(join(folder, name))).toString();
      return JSON.parse(text.slice(text.indexOf('{'))).url as string;
    })
    .sort();
}

describe('search index', () => {
  it('indexes the search body of each page as Astro reads it, with URLs without the base', async () => {
    const { outDir, urls } = await build({ '/docs/latest/okta/': GUIDE, '/docs/': HOME }, 'arrayBuffer', '/docs/');
    expect(urls).toEqual(['/latest/okta/']);
    expect(JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(1);
  });

  it('indexes the output folder when another integration replaced the prerenderer', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'stepdocs-search-'));
    mkdirSync(join(outDir, 'latest/okta'), { recursive: true });
    writeFileSync(join(outDir, 'latest/okta/index.html'), GUIDE);
    const hooks = searchIndex().hooks as Hooks;
    await hooks['astro:config:done']({ config: { base: '/', outDir: pathToFileURL(`${outDir}/`) } } as unknown as Parameters<Hooks['astro:config:done']>[0]);
    await hooks['astro:build:start']({ logger, setPrerenderer: () => undefined } as Parameters<Hooks['astro:build:start']>[0]);
    await hooks['astro:build:done']({ dir: pathToFileURL(`${outDir}/`), pages: [], assets: new Map(), logger } as unknown as Parameters<Hooks['astro:build:done']>[0]);
    expect(fragmentUrls(outDir)).toEqual(['/latest/okta/']);
  });

  it('indexes the output folder instead when Astro reads pages some other way', async () => {
    const { urls } = await build({ '/latest/okta/': GUIDE, '/': HOME }, 'text');
    expect(urls).toEqual(['/latest/okta/']);
  });
});
