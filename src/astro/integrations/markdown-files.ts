/**
 * Writes the pages' Markdown copies (`<page>/index.md`) and the images they show when the build is
 * done. Pages hand their Markdown over while they render (`handOverMarkdown`); writing them here
 * instead of serving them as 2,000 endpoint routes saves the route machinery a build spends on each
 * (about 2 ms a page). The writes are synchronous and at the end on purpose: written on libuv's
 * threads while pages render, they queued ahead of Astro's own page writes and left the renderer
 * waiting (about 1 s more idle time in a 2,000-page build).
 * The dev server serves the same copies through the endpoint route; it never writes files.
 */
import type { AstroIntegration } from 'astro';
import { constants, copyFileSync, existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realFileInside } from '../../node/confine.ts';

interface Handed {
  markdown: Map<string, string>;
  images: Set<string>;
}

// Shared by the page renderer (inside Astro's build bundle) and this integration: one process, two module graphs.
const KEY = Symbol.for('stepdocs.markdown-files');

function handed(): Handed {
  const holder = globalThis as unknown as Record<symbol, Handed | undefined>;
  holder[KEY] ??= { markdown: new Map(), images: new Set() };
  return holder[KEY];
}

/** Called by a page as it renders: `path` is below the output folder (`latest/okta/index.md`). */
export function handOverMarkdown(path: string, markdown: string): void {
  handed().markdown.set(path, markdown);
}

/** Called for an image a Markdown copy shows: `path` is inside the content folder (`latest/images/x.svg`) and is published there. */
export function handOverImage(path: string): void {
  handed().images.add(path);
}

export function markdownFiles(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'stepdocs:markdown-files',
    hooks: {
      'astro:build:start': () => {
        handed().markdown.clear();
        handed().images.clear();
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { markdown, images } = handed();
        const made = new Set<string>();
        const folderOf = (file: string) => {
          const folder = dirname(file);
          if (!made.has(folder)) mkdirSync(folder, { recursive: true });
          made.add(folder);
        };
        // Beside each page's own index.html, in a fresh output folder nothing else reads yet: one plain
        // write a file (a temporary file and a rename would double the file-system work, the slow part here).
        for (const [path, text] of markdown) {
          const file = join(out, path);
          folderOf(file);
          writeFileSync(file, text);
        }
        // A copy, never a link: nothing done to the output may reach the content. Only files really
        // inside the content folder are published: `..` and symlinks that leave it publish nothing.
        const root = realpathSync.native(resolve(options.contentDir));
        for (const path of images) {
          const from = realFileInside(root, resolve(root, path));
          const to = join(out, path);
          if (!from || existsSync(to)) continue;
          folderOf(to);
          copyFileSync(from, to, constants.COPYFILE_FICLONE);
        }
        logger.info(`${markdown.size} Markdown copies, ${images.size} images`);
        markdown.clear();
        images.clear();
      },
    },
  };
}
