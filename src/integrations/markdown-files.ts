/**
 * Writes the pages' Markdown copies (`<page>/index.md`) and the images they show into the output
 * folder during a build. Pages hand their Markdown over while they render (`handOverMarkdown`); writing
 * it then, instead of serving 2,000 endpoint routes, saves the route machinery a build spends on each
 * (about 2 ms a page). The writes run on libuv's threads while the main thread renders the next pages
 * and are awaited when the build is done, so a failed write still fails the build.
 * The dev server serves the same copies through the endpoint route; it never writes files.
 */
import type { AstroIntegration } from 'astro';
import { constants } from 'node:fs';
import { copyFile, mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realFileInside } from '../node/confine.ts';

interface BuildState {
  /** The output folder, set when a build starts: a dev server never writes. */
  out?: string;
  /** The content folder's real path. */
  content?: string;
  copies: number;
  images: Set<string>;
  writes: Promise<void>[];
  failures: string[];
}

// Shared by the page renderer (inside Astro's build bundle) and this integration: one process, two module graphs.
const KEY = Symbol.for('stepdocs.markdown-files');

function state(): BuildState {
  const holder = globalThis as unknown as Record<symbol, BuildState | undefined>;
  holder[KEY] ??= { copies: 0, images: new Set(), writes: [], failures: [] };
  return holder[KEY];
}

function track(work: Promise<void>, what: string): void {
  const current = state();
  current.writes.push(work.catch((error: unknown) => void current.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`)));
}

/** Called by a page as it renders: `path` is below the output folder (`latest/okta/index.md`). */
export function handOverMarkdown(path: string, markdown: string): void {
  const { out } = state();
  if (out === undefined) return;
  state().copies += 1;
  const file = join(out, path);
  track(
    mkdir(dirname(file), { recursive: true }).then(() => writeFile(file, markdown)),
    file,
  );
}

/** Called for an image a Markdown copy shows: `path` is inside the content folder (`latest/images/x.svg`) and is published there. */
export function handOverImage(path: string): void {
  const current = state();
  if (current.out === undefined || current.content === undefined || current.images.has(path)) return;
  current.images.add(path);
  track(copyImage(current.content, path, current.out), path);
}

/**
 * A copy, never a link: nothing done to the output may reach the content. Only files really inside
 * the content folder are published: `..` and symlinks that leave it publish nothing.
 */
async function copyImage(content: string, path: string, out: string): Promise<void> {
  const from = await realFileInside(content, resolve(content, path));
  if (from === undefined) return;
  const to = join(out, path);
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

export function markdownFiles(options: { contentDir: string }): AstroIntegration {
  let outDir: string | undefined;
  return {
    name: 'stepdocs:markdown-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        const current = state();
        Object.assign(current, { out: outDir, content: await realpath(options.contentDir), copies: 0, images: new Set(), writes: [], failures: [] });
      },
      'astro:build:done': async ({ logger }) => {
        const current = state();
        await Promise.all(current.writes);
        const { copies, images, failures } = current;
        Object.assign(current, { out: undefined, content: undefined, copies: 0, images: new Set(), writes: [], failures: [] });
        if (failures.length > 0) throw new Error(`Could not write ${failures.length} Markdown copies or their images:\n${failures.slice(0, 10).join('\n')}`);
        logger.info(`${copies} Markdown copies, ${images.size} images`);
      },
    },
  };
}
