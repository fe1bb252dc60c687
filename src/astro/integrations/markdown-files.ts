/**
 * Publishes the pages' Markdown copies (`<page>/index.md`) and the images they show. Each page hands
 * its source over as it renders (`handOverCopy`); on a site of 300 pages or more a worker thread makes
 * the copy and writes it at once (src/node/markdown-copies.ts), and makes llms-full.txt's copies from
 * the same cache; a smaller site does the same on the renderer's thread.
 * Files rather than 2,000 endpoint routes: the route machinery costs a build about 2 ms a page. A
 * worker rather than the renderer's thread: made and written there, the copies took about 0.8 s of
 * conversion and 0.6–1.7 s of writes at the end of a 2,000-page build; written with libuv's
 * asynchronous calls while pages rendered, they queued ahead of Astro's own page writes.
 * The dev server serves the copies through the endpoint route; it never writes files.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { CopySite, CopySource } from '../../lib/markdown/markdown-copy.ts';
import { listFiles } from '../../node/content-files.ts';
import { MarkdownCopies } from '../../node/markdown-copies.ts';
import type { CopyAnswer, CopyPages, CopyRequest } from '../../node/markdown-copies-worker.ts';
import { startWorker } from '../../node/worker-requests.ts';

interface Writer {
  page(path: string, source: CopySource, site: CopySite): void;
  texts(sources: CopySource[], site: CopySite): Promise<string[]>;
  /** Resolves once every page handed over is written. */
  finish(): Promise<{ markdown: number; images: number }>;
}

// Shared by the page renderer (inside Astro's build bundle) and this integration: one process, two module graphs.
const KEY = Symbol.for('stepdocs.markdown-files');

function holder(): { writer?: Writer | undefined } {
  const global = globalThis as unknown as Record<symbol, { writer?: Writer } | undefined>;
  global[KEY] ??= {};
  return global[KEY];
}

/** The build's writer; undefined outside a build (the dev server makes copies on the page's thread). */
export function markdownWriter(): Writer | undefined {
  return holder().writer;
}

// Pages are posted in batches: a message per page cost the renderer 0.15 ms each (0.3 s a 2,000-page build).
const BATCH = 64;

function workerWriter(out: string, contentDir: string): Writer {
  const worker = startWorker<CopyRequest, CopyAnswer, CopyPages>(new URL('../../node/markdown-copies-worker.ts', import.meta.url), { out, contentDir });
  let batch: CopyPages | undefined;
  // Every request after a batch is sent after it: the worker answers in the order it receives.
  const flush = () => {
    if (batch) worker.tell(batch);
    batch = undefined;
  };
  return {
    page: (path, source, site) => {
      if (batch && batch.site !== site) flush();
      if (!batch) {
        batch = { site, pages: [] };
        setImmediate(flush);
      }
      batch.pages.push({ path, source });
      if (batch.pages.length >= BATCH) flush();
    },
    texts: async (sources, site) => {
      flush();
      return (await worker.ask({ kind: 'texts', sources, site })) as string[];
    },
    finish: async () => {
      flush();
      try {
        return (await worker.ask({ kind: 'end' })) as { markdown: number; images: number };
      } finally {
        await worker.stop();
      }
    },
  };
}

/**
 * Below this many pages, the copies are made on the renderer's thread: starting the worker (a thread,
 * and the MDX reader loaded a second time) costs about 0.3 s, more than a small site's copies take.
 */
const WORKER_FROM_PAGES = 300;

function inProcessWriter(out: string, contentDir: string): Writer {
  const copies = new MarkdownCopies(out, contentDir);
  return {
    page: (path, source, site) => copies.writePages([{ path, source }], site),
    texts: async (sources, site) => copies.texts(sources, site),
    finish: async () => copies.finish(),
  };
}

export function markdownFiles(options: { contentDir: string; workers?: 'auto' | 'always' | 'never' }): AstroIntegration {
  let out = '';
  return {
    name: 'stepdocs:markdown-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        out = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const workers = options.workers ?? 'auto';
        const inWorker =
          workers === 'auto' ? listFiles(options.contentDir).filter((file) => /\.mdx?$/.test(file)).length >= WORKER_FROM_PAGES : workers === 'always';
        holder().writer = inWorker ? workerWriter(out, options.contentDir) : inProcessWriter(out, options.contentDir);
      },
      'astro:build:done': async ({ logger }) => {
        const { writer } = holder();
        holder().writer = undefined;
        if (!writer) return;
        const written = await writer.finish();
        logger.info(`${written.markdown} Markdown copies, ${written.images} images`);
      },
    },
  };
}
