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
import { Worker } from 'node:worker_threads';
import type { CopySite, CopySource } from '../../lib/markdown/markdown-copy.ts';
import { listFiles } from '../../node/content-files.ts';
import { MarkdownCopies } from '../../node/markdown-copies.ts';
import type { FromWorker, ToWorker } from '../../node/markdown-copies-worker.ts';

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

function startWriter(out: string, contentDir: string): Writer {
  const worker = new Worker(new URL('../../node/markdown-copies-worker.ts', import.meta.url), { workerData: { out, contentDir } });
  let failed: Error | undefined;
  let requests = 0;
  const waiting = new Map<number, { resolve: (texts: string[]) => void; reject: (error: Error) => void }>();
  let ending: { resolve: (counts: { markdown: number; images: number }) => void; reject: (error: Error) => void } | undefined;
  let batch: { site: CopySite; pages: Array<{ path: string; source: CopySource }> } | undefined;

  // A build that fails while pages render must still exit: the worker holds the process open only
  // while an answer is awaited.
  worker.unref();
  const hold = () => worker.ref();
  const release = () => {
    if (waiting.size === 0 && !ending) worker.unref();
  };
  worker.on('error', (thrown: unknown) => {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    failed = error;
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
    ending?.reject(error);
  });
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'texts') {
      const request = waiting.get(message.request);
      waiting.delete(message.request);
      if ('failure' in message) request?.reject(new Error(`The Markdown copies for llms-full.txt could not be made: ${message.failure}`));
      else request?.resolve(message.texts);
      release();
    } else if ('failure' in message) ending?.reject(new Error(`A Markdown copy could not be written: ${message.failure}`));
    else ending?.resolve(message);
  });

  const flush = () => {
    if (batch) worker.postMessage({ kind: 'pages', ...batch } satisfies ToWorker);
    batch = undefined;
  };
  // Every message after a batch is sent after it: the worker answers in the order it receives.
  const send = (message: ToWorker) => {
    flush();
    worker.postMessage(message);
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
    texts: (sources, site) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        requests += 1;
        waiting.set(requests, { resolve, reject });
        hold();
        send({ kind: 'texts', request: requests, sources, site });
      }),
    finish: async () => {
      try {
        return await new Promise((resolve, reject) => {
          if (failed) return reject(failed);
          ending = { resolve, reject };
          hold();
          send({ kind: 'end' });
        });
      } finally {
        await worker.terminate();
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
  let failure: Error | undefined;
  return {
    page: (path, source, site) => {
      if (failure) return;
      try {
        copies.writePage(path, source, site);
      } catch (error) {
        failure = new Error(`A Markdown copy could not be written: ${source.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    texts: async (sources, site) => sources.map((source) => copies.copyOf(source, site).text),
    finish: async () => {
      if (failure) throw failure;
      return { markdown: copies.markdown, images: copies.images };
    },
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
        holder().writer = inWorker ? startWriter(out, options.contentDir) : inProcessWriter(out, options.contentDir);
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
