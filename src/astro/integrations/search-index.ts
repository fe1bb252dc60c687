/**
 * Indexes the guides with Pagefind during `astro build`: pages marked `data-pagefind-body`,
 * filterable by `version`. Each page's search body (a few KB: the header, sidebar and scripts
 * around it are most of a page, and Pagefind's time grows with the bytes it parses) is handed to
 * Pagefind as soon as the page is rendered, so Pagefind indexes in its own process while Node
 * renders the rest; the index and its loader are written to `<outDir>/pagefind/` at the end.
 *
 * Astro reads each rendered page once, with `arrayBuffer()`, to write it; the wrapped prerenderer
 * listens in on that read rather than reading the body a second time. Should Astro read pages some
 * other way, nothing is heard and the built pages are indexed from the output folder instead.
 *
 * Pages of the searchable routes are rendered first, and the index is written as soon as the last
 * of them is heard: Pagefind's write then overlaps the rendering of the site's other pages instead
 * of following it.
 *
 * Pagefind writes one result fragment file per page. On a site of more than `pairFragmentsAbove`
 * pages it is told to write half as many, two pages to a file: on a disk still busy with the pages
 * just built, creating the files is most of the write (2,000 pages on the build machine: 1.7–1.8 s
 * for 2,037 files, 1.0–1.3 s for 1,037; 0.6 s in memory), and a site of many thousand pages stays
 * further from static hosts' file limits. A reader then loads at most twice a result's fragment
 * bytes (a fragment is 2–3 KB gzip).
 */
import type { AstroIntegration } from 'astro';
import { normaliseBase } from '../../lib/site-config.ts';
import { pathBelowBase } from '../../lib/routes.ts';
import { fileURLToPath } from 'node:url';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchableHtml } from './searchable-html.ts';

export interface SearchIndexOptions {
  /** Route components whose pages carry a search body, as Astro names them: `src/pages/[version]/[...slug].astro`. */
  searchableRoutes: readonly string[];
  /**
   * Pages of those routes that carry no search body (aliases of other pages), by their path below the
   * site base: they are rendered after the index has started to be written, not before.
   */
  unindexedPaths?: (path: string) => boolean;
  /** Above this many searchable pages, result fragments are written two pages to a file (default 1,000). */
  pairFragmentsAbove?: number;
}

/**
 * Pagefind's `maxFragments` for a site of `pages` searchable pages: none up to `pairAbove`, so each
 * page's fragment is a file of its own; beyond that, half as many files as pages, so that no file
 * holds more than two pages.
 */
export function fragmentFileLimit(pages: number, pairAbove: number): number | undefined {
  return pages > pairAbove ? Math.ceil(pages / 2) : undefined;
}

export function searchIndex(settings: SearchIndexOptions): AstroIntegration {
  const searchableRoutes = new Set(settings.searchableRoutes);
  /** Whether a page is one of those the index waits for: on a searchable route, and not told to carry no search body. */
  const awaited = (component: string, pathname: string) => searchableRoutes.has(component) && !settings.unindexedPaths?.(pathBelowBase(base, pathname));
  let base = '/';
  let outDir = '';
  const pairAbove = settings.pairFragmentsAbove ?? 1000;
  let index: pagefind.PagefindIndex | undefined;
  /** Starts Pagefind for a site of `pages` searchable pages: how many there are decides how its fragments are filed. */
  const openIndex = async (pages: number) => {
    const maxFragments = fragmentFileLimit(pages, pairAbove);
    const created = await pagefind.createIndex(maxFragments === undefined ? {} : { maxFragments });
    if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    index = created.index;
    return created.index;
  };
  /** Hands a rendered page to Pagefind; set once the pages to render, and so the index, are known. */
  let hear: ((path: string, bytes: ArrayBuffer, isAwaited: boolean) => void) | undefined;
  let finishing: Promise<number> | undefined;
  let heard = 0;
  /** Pages with a search body heard after the index was started: their route is missing from `searchableRoutes`. */
  const missed: string[] = [];
  /** Pages of the searchable routes still to be heard; the index is written when none are left. */
  let searchableLeft = Number.POSITIVE_INFINITY;
  const pending: Promise<pagefind.NewFileResponse>[] = [];
  const finish = (index: pagefind.PagefindIndex, handedOver: typeof pending | undefined) => {
    finishing = finishIndex(index, outDir, handedOver);
    // Awaited when the build ends; a failure must not surface as an unhandled rejection first.
    finishing.catch(() => undefined);
  };
  return {
    name: 'stepdocs:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => ({
          name: 'stepdocs:search-index',
          setup: async () => prerenderer.setup?.(),
          getStaticPaths: async () => {
            const { paths, searchable } = searchableFirst(await prerenderer.getStaticPaths(), awaited);
            searchableLeft = searchable;
            const open = index ?? (await openIndex(searchable));
            hear = (path, bytes, isAwaited) => {
              heard += 1;
              const body = searchableHtml(new Uint8Array(bytes));
              if (body && finishing) missed.push(path);
              // Result URLs are site paths without the base, as Pagefind gives them when it reads the output folder.
              else if (body) pending.push(open.addHTMLFile({ url: `/${pathBelowBase(base, path)}`, content: body }));
              if (isAwaited && --searchableLeft === 0) finish(open, pending);
            };
            return paths;
          },
          teardown: async () => {
            await prerenderer.teardown?.();
            // Every page is written now. Unless the last searchable page already started it, the index
            // is written while Astro optimises images and tidies up.
            if (!finishing && index) finish(index, heard > 0 ? pending : undefined);
          },
          async render(request, options) {
            const result = await prerenderer.render(request, options);
            const response = result instanceof Response ? result : result.response;
            if (response.status === 200 && response.headers.get('content-type')?.includes('text/html')) {
              const read = response.arrayBuffer.bind(response);
              const path = new URL(request.url).pathname;
              // Decided per page, as the ordering was: a deferred page heard early must not count.
              const isAwaited = awaited(options.routeData.component, path);
              response.arrayBuffer = async () => {
                const bytes = await read();
                hear?.(path, bytes, isAwaited);
                return bytes;
              };
            }
            return result;
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        // Without our teardown (another integration set Astro's one prerenderer), index the output folder.
        finishing ??= finishIndex(index ?? (await openIndex(await searchablePagesIn(outDir))), outDir, undefined);
        const count = await finishing;
        logger.info(`search index: ${count} pages`);
        if (missed.length > 0) logger.warn(`not in the search index, as their route is not listed in searchableRoutes: ${missed.join(', ')}`);
      },
    },
  };
}

/**
 * The paths to prerender with the searchable ones (`isSearchable(component, pathname)`) first, in
 * their order, and how many distinct pages they are. A searchable path stays behind when an earlier,
 * non-searchable path has the same page: Astro renders the first path of each page, and that must
 * not change.
 */
export function searchableFirst<Path extends { pathname: string; route: { component: string } }>(
  all: readonly Path[],
  isSearchable: (component: string, pathname: string) => boolean,
): { paths: Path[]; searchable: number } {
  const page = (path: Path) => path.pathname.replace(/\/+$/, '');
  const claimed = new Set<string>();
  const first: Path[] = [];
  const rest: Path[] = [];
  const searchablePages = new Set<string>();
  for (const path of all) {
    if (isSearchable(path.route.component, path.pathname) && !claimed.has(page(path))) {
      first.push(path);
      searchablePages.add(page(path));
    } else {
      rest.push(path);
      claimed.add(page(path));
    }
  }
  return { paths: [...first, ...rest], searchable: searchablePages.size };
}

/** How many built pages in `folder` (and below) have a search body: what Pagefind will index when it reads the folder. */
async function searchablePagesIn(folder: string): Promise<number> {
  const names = await readdir(folder, { recursive: true });
  let count = 0;
  for (const name of names) {
    if (name.endsWith('.html') && searchableHtml(await readFile(join(folder, name)))) count += 1;
  }
  return count;
}

/**
 * Waits for the pages handed over during rendering (or, when none were, indexes the output folder)
 * and writes the index; resolves with the number of pages indexed.
 */
async function finishIndex(index: pagefind.PagefindIndex, outDir: string, pending: Promise<pagefind.NewFileResponse>[] | undefined): Promise<number> {
  try {
    let count: number;
    if (pending) {
      const added = await Promise.all(pending);
      const errors = added.flatMap((result) => result.errors);
      if (errors.length > 0) throw new Error(`Pagefind could not index the site: ${errors.join('; ')}`);
      count = added.length;
    } else {
      const added = await index.addDirectory({ path: outDir });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
      count = added.page_count;
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return count;
  } finally {
    await pagefind.close();
  }
}
