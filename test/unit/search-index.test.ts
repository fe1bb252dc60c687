/** The search-index integration against a stand-in for Astro's prerenderer, with the real Pagefind. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { fragmentFileLimit, searchableFirst, searchIndex } from '../../src/astro/integrations/search-index';
import { indexBuiltFolder } from '../support/index-folder';

const GUIDE =
  '<!DOCTYPE html><html lang="en"><head><title>Okta | Docs</title></head><body><nav><a href="/">Home</a> sidebar words</nav><article data-pagefind-body data-pagefind-filter="version:latest"><h1>Okta</h1><p>Upload the federation metadata.</p></article></body></html>';
const HOME = '<!DOCTYPE html><html lang="en"><head><title>Docs</title></head><body><h1>Guides</h1></body></html>';

type Hooks = Required<AstroIntegration['hooks']>;
const warnings: string[] = [];
const logger = { info: () => undefined, warn: (line: string) => warnings.push(line) } as unknown as Parameters<Hooks['astro:build:done']>[0]['logger'];
const GUIDE_ROUTE = 'src/pages/[version]/[...slug].astro';
/** The route component of a stand-in page: guides live under a version folder. */
const componentOf = (path: string) => (/^\/(docs\/)?(latest|\d[\w.-]*)\/./.test(path) ? GUIDE_ROUTE : `src/pages${path}index.astro`);

/**
 * Runs the integration's build hooks over `pages`; `read` is how the stand-in for Astro reads each
 * rendered page: `arrayBuffer()` as Astro 7 does, or `text()`, after which the page is written out.
 */
interface BuildOptions {
  base?: string;
  beforeTeardown?: (outDir: string) => Promise<void>;
  unindexedPaths?: (path: string) => boolean;
  /** The order Astro's page writes read the pages in, when some finish before others begun earlier; the prerenderer's order by default. */
  readOrder?: (order: string[]) => string[];
  pairFragmentsAbove?: number;
}

async function build(
  pages: Record<string, string>,
  read: 'arrayBuffer' | 'text',
  { base = '/', beforeTeardown, unindexedPaths, readOrder, pairFragmentsAbove }: BuildOptions = {},
): Promise<{ outDir: string; urls: string[]; order: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'stepdocs-search-'));
  const integration = searchIndex({
    searchableRoutes: [GUIDE_ROUTE],
    ...(unindexedPaths ? { unindexedPaths } : {}),
    ...(pairFragmentsAbove === undefined ? {} : { pairFragmentsAbove }),
  });
  const hooks = integration.hooks as Hooks;
  await hooks['astro:config:done']({ config: { base, outDir: pathToFileURL(`${outDir}/`) } } as unknown as Parameters<Hooks['astro:config:done']>[0]);
  let wrap: ((prerenderer: AstroPrerenderer) => AstroPrerenderer) | undefined;
  await hooks['astro:build:start']({ logger, setPrerenderer: (value) => (wrap = value as typeof wrap) } as Parameters<Hooks['astro:build:start']>[0]);
  const prerenderer = wrap!({
    name: 'stand-in',
    getStaticPaths: async () => Object.keys(pages).map((pathname) => ({ pathname, route: { component: componentOf(pathname) } })),
    render: async (request: Request) => new Response(pages[new URL(request.url).pathname] ?? '', { headers: { 'content-type': 'text/html' } }),
  } as unknown as AstroPrerenderer);
  // As Astro does: the pages in the order the prerenderer gives them.
  const order = (await prerenderer.getStaticPaths()).map((path) => path.pathname);
  const responses = new Map<string, Response>();
  for (const path of order) {
    const routeData = { component: componentOf(path) } as never;
    responses.set(path, (await prerenderer.render(new Request(`http://localhost${path}`), { routeData, collectMetadata: false })) as Response);
  }
  for (const path of readOrder?.(order) ?? order) {
    const response = responses.get(path)!;
    if (read === 'arrayBuffer') {
      // As Astro does; the page is not written, so what gets indexed can only be what was heard.
      await response.arrayBuffer();
      continue;
    }
    const file = join(outDir, path.slice(base.length), 'index.html');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, await response.text());
  }
  await beforeTeardown?.(outDir);
  await prerenderer.teardown?.();
  await hooks['astro:build:done']({ dir: pathToFileURL(`${outDir}/`), pages: [], assets: new Map(), logger } as unknown as Parameters<
    Hooks['astro:build:done']
  >[0]);
  return { outDir, urls: fragmentUrls(outDir), order };
}

/** Whether the index gets written within ten seconds (Pagefind writes it in its own process). */
async function indexWritten(outDir: string): Promise<boolean> {
  const entry = join(outDir, 'pagefind/pagefind-entry.json');
  for (let waited = 0; waited < 10_000 && !existsSync(entry); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return existsSync(entry);
}

/**
 * The result URLs in the written index, by fragment file. A fragment is gzip with a short signature
 * before the JSON; a file of grouped fragments holds an object of them by their hash.
 */
function fragmentFiles(outDir: string): { name: string; urls: string[] }[] {
  const folder = join(outDir, 'pagefind/fragment');
  return readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString();
    const json = JSON.parse(text.slice(text.indexOf('{'))) as { url: string } | Record<string, { url: string }>;
    const urls = typeof json.url === 'string' ? [json.url] : Object.values(json as Record<string, { url: string }>).map((fragment) => fragment.url);
    return { name, urls };
  });
}

/** The result URLs in the written index. */
function fragmentUrls(outDir: string): string[] {
  return fragmentFiles(outDir)
    .flatMap((file) => file.urls)
    .sort();
}

describe('search index', () => {
  it('indexes the search body of each page as Astro reads it, with URLs without the base', async () => {
    const { outDir, urls } = await build({ '/docs/latest/okta/': GUIDE, '/docs/': HOME }, 'arrayBuffer', { base: '/docs/' });
    expect(urls).toEqual(['/latest/okta/']);
    expect(JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(1);
  });

  it('indexes the output folder when another integration replaced the prerenderer', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'stepdocs-search-'));
    mkdirSync(join(outDir, 'latest/okta'), { recursive: true });
    writeFileSync(join(outDir, 'latest/okta/index.html'), GUIDE);
    await indexBuiltFolder(outDir);
    expect(fragmentUrls(outDir)).toEqual(['/latest/okta/']);
  });

  it('indexes the output folder instead when Astro reads pages some other way', async () => {
    const { urls } = await build({ '/latest/okta/': GUIDE, '/': HOME }, 'text');
    expect(urls).toEqual(['/latest/okta/']);
  });

  it('renders the guides first and writes the index once the last one is heard, before the other pages', async () => {
    const pages = { '/': HOME, '/latest/okta/': GUIDE, '/rules/': HOME, '/latest/entra/': GUIDE.replaceAll('Okta', 'Entra') };
    let writtenBeforeTeardown = false;
    const { urls, order } = await build(pages, 'arrayBuffer', { beforeTeardown: async (outDir) => void (writtenBeforeTeardown = await indexWritten(outDir)) });
    expect(order).toEqual(['/latest/okta/', '/latest/entra/', '/', '/rules/']);
    expect(writtenBeforeTeardown).toBe(true);
    expect(urls).toEqual(['/latest/entra/', '/latest/okta/']);
  });

  it('renders the pages it is told carry no search body (aliases) after the index write has started', async () => {
    const pages = { '/docs/latest/okta/': GUIDE.replace(' data-pagefind-body', ''), '/docs/2.0/okta/': GUIDE, '/docs/': HOME };
    let writtenBeforeTeardown = false;
    const { urls, order } = await build(pages, 'arrayBuffer', {
      base: '/docs/',
      beforeTeardown: async (outDir) => void (writtenBeforeTeardown = await indexWritten(outDir)),
      // Told the path below the base, as the route table writes it.
      unindexedPaths: (path) => path === 'latest/okta/',
    });
    expect(order).toEqual(['/docs/2.0/okta/', '/docs/latest/okta/', '/docs/']);
    expect(writtenBeforeTeardown).toBe(true);
    expect(urls).toEqual(['/2.0/okta/']);
  });

  it('does not count a page without a search body that Astro reads before the last guide', async () => {
    warnings.length = 0;
    const pages = { '/latest/okta/': GUIDE.replace(' data-pagefind-body', ''), '/2.0/okta/': GUIDE, '/2.0/entra/': GUIDE.replaceAll('Okta', 'Entra') };
    const { urls, order } = await build(pages, 'arrayBuffer', {
      unindexedPaths: (path) => path.startsWith('latest/'),
      // Pages are written several at a time: the alias, rendered last, is read before the last guide.
      readOrder: (rendered) => [rendered[0]!, rendered[2]!, rendered[1]!],
    });
    expect(order).toEqual(['/2.0/okta/', '/2.0/entra/', '/latest/okta/']);
    expect(urls).toEqual(['/2.0/entra/', '/2.0/okta/']);
    expect(warnings).toEqual([]);
  });

  it('writes one fragment file a page up to pairFragmentsAbove pages, and two pages to a file beyond', async () => {
    const names = ['Okta', 'Entra', 'JumpCloud', 'Ping', 'Google'];
    const pages = Object.fromEntries(names.map((name) => [`/latest/${name.toLowerCase()}/`, GUIDE.replaceAll('Okta', name)]));
    const expected = names.map((name) => `/latest/${name.toLowerCase()}/`).sort();
    const single = await build(pages, 'arrayBuffer', { pairFragmentsAbove: 5 });
    expect(fragmentFiles(single.outDir).map((file) => file.urls.length)).toEqual([1, 1, 1, 1, 1]);
    expect(single.urls).toEqual(expected);
    const paired = await build(pages, 'arrayBuffer', { pairFragmentsAbove: 4 });
    const files = fragmentFiles(paired.outDir);
    expect(files.map((file) => file.urls.length).sort()).toEqual([1, 2, 2]);
    expect(files.every((file) => file.name.startsWith('en_group_'))).toBe(true);
    expect(paired.urls).toEqual(expected);
  });

  it('pairs fragments by the count of searchable pages in the output folder when it indexes the folder', async () => {
    const indexFolder = async (pairFragmentsAbove: number) => {
      const outDir = mkdtempSync(join(tmpdir(), 'stepdocs-search-'));
      for (const name of ['okta', 'entra', 'ping']) {
        mkdirSync(join(outDir, 'latest', name), { recursive: true });
        writeFileSync(join(outDir, 'latest', name, 'index.html'), GUIDE.replaceAll('Okta', name));
      }
      writeFileSync(join(outDir, 'index.html'), HOME);
      await indexBuiltFolder(outDir, { pairFragmentsAbove });
      expect(fragmentUrls(outDir)).toEqual(['/latest/entra/', '/latest/okta/', '/latest/ping/']);
      return fragmentFiles(outDir)
        .map((file) => file.urls.length)
        .sort();
    };
    // The home page has no search body and does not count: with it, four pages would be above three.
    await expect(indexFolder(3)).resolves.toEqual([1, 1, 1]);
    await expect(indexFolder(2)).resolves.toEqual([1, 2]);
  });

  it('warns about a page with a search body on a route it was not told about', async () => {
    warnings.length = 0;
    const { urls } = await build({ '/latest/okta/': GUIDE, '/changelog/': GUIDE.replaceAll('Okta', 'Changelog') }, 'arrayBuffer');
    expect(urls).toEqual(['/latest/okta/']);
    expect(warnings).toEqual(['not in the search index, as their route is not listed in searchableRoutes: /changelog/']);
  });
});

describe('fragmentFileLimit', () => {
  it('leaves Pagefind one file a page up to the threshold, and asks for half as many files beyond it', () => {
    expect(fragmentFileLimit(1000, 1000)).toBeUndefined();
    expect(fragmentFileLimit(1001, 1000)).toBe(501);
    expect(fragmentFileLimit(2000, 1000)).toBe(1000);
    expect(fragmentFileLimit(0, 0)).toBeUndefined();
  });
});

describe('searchableFirst', () => {
  const path = (pathname: string, component: string) => ({ pathname, route: { component } });
  const onGuideRoute = (component: string) => component === GUIDE_ROUTE;

  it('moves the searchable routes first, keeping both groups in order, and counts their pages', () => {
    const all = [
      path('/404', 'src/pages/404.astro'),
      path('/latest/a/', GUIDE_ROUTE),
      path('/latest/', 'src/pages/[version]/index.astro'),
      path('/latest/b/', GUIDE_ROUTE),
    ];
    expect(searchableFirst(all, onGuideRoute)).toEqual({ paths: [all[1], all[3], all[0], all[2]], searchable: 2 });
  });

  it('leaves behind, uncounted, the paths it is told carry no search body', () => {
    const all = [path('/latest/a/', GUIDE_ROUTE), path('/2.0/a/', GUIDE_ROUTE), path('/2.0/', 'src/pages/[version]/index.astro')];
    expect(searchableFirst(all, (component, pathname) => onGuideRoute(component) && !pathname.startsWith('/latest/'))).toEqual({
      paths: [all[1], all[0], all[2]],
      searchable: 1,
    });
  });

  it('leaves a searchable path behind a path of another route that Astro renders for the same page', () => {
    const all = [
      path('/latest/a', 'src/pages/latest/a.astro'),
      path('/latest/a/', GUIDE_ROUTE),
      path('/latest/b/', GUIDE_ROUTE),
      path('/latest/b', GUIDE_ROUTE),
    ];
    expect(searchableFirst(all, onGuideRoute)).toEqual({ paths: [all[2], all[3], all[0], all[1]], searchable: 1 });
  });
});
