/**
 * Writes the pages' Markdown copies (`<page>/index.md`) when the build is done. Pages hand their
 * Markdown over while they render (`handOverMarkdown`); writing them here instead of serving them as
 * 2,000 endpoint routes saves the route machinery a build spends on each (about 2 ms a page).
 * The dev server serves the same copies through the endpoint route, which a build leaves empty.
 */
import type { AstroIntegration } from 'astro';
import { constants, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileInside } from '../node/confine.ts';

// Shared by the page renderer (inside Astro's build bundle) and this integration: one process, two module graphs.
const KEY = Symbol.for('stepdocs.markdown-files');
const IMAGES = Symbol.for('stepdocs.markdown-images');
type Registry = Map<string, string>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

function images(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  holder[IMAGES] ??= new Set();
  return holder[IMAGES];
}

/** Called for an image a Markdown copy shows: `path` is inside the content folder (`latest/images/x.svg`) and is published there. */
export function handOverImage(path: string): void {
  images().add(path);
}

/** Called by a page as it renders: `path` is below the output folder (`latest/okta/index.md`). */
export function handOverMarkdown(path: string, markdown: string): void {
  registry().set(path, markdown);
}

export function markdownFiles(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'stepdocs:markdown-files',
    hooks: {
      'astro:build:start': () => {
        registry().clear();
        images().clear();
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // A fresh output folder that nothing else reads yet, beside each page's own index.html: one plain write a file
        // (a temporary file and a rename would double the file-system operations, the slow part here).
        for (const [path, markdown] of registry()) {
          const file = join(out, path);
          if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, markdown);
        }
        // Images the copies show, as the author stored them (a copy, never a link: nothing done to the output may reach the content).
        const root = resolve(options.contentDir);
        for (const path of images()) {
          // Only files really inside the content folder: `..` and symlinks that leave it publish nothing.
          const from = fileInside(root, resolve(root, path));
          const to = join(out, path);
          if (!from || existsSync(to)) continue;
          mkdirSync(dirname(to), { recursive: true });
          copyFileSync(from, to, constants.COPYFILE_FICLONE);
        }
        logger.info(`${registry().size} Markdown copies, ${images().size} images`);
        registry().clear();
        images().clear();
      },
    },
  };
}
