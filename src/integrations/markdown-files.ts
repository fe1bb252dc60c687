/**
 * Writes the pages' Markdown copies (`<page>/index.md`) when the build is done. Pages hand their
 * Markdown over while they render (`handOverMarkdown`); writing them here instead of serving them as
 * 2,000 endpoint routes saves the route machinery a build spends on each (about 2 ms a page).
 * The dev server serves the same copies through the endpoint route, which a build leaves empty.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared by the page renderer (inside Astro's build bundle) and this integration: one process, two module graphs.
const KEY = Symbol.for('stepdocs.markdown-files');
type Registry = Map<string, string>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Called by a page as it renders: `path` is below the output folder (`latest/okta/index.md`). */
export function handOverMarkdown(path: string, markdown: string): void {
  registry().set(path, markdown);
}

export function markdownFiles(): AstroIntegration {
  return {
    name: 'stepdocs:markdown-files',
    hooks: {
      'astro:build:start': () => {
        registry().clear();
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
        logger.info(`${registry().size} Markdown copies`);
        registry().clear();
      },
    },
  };
}
