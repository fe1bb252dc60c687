/**
 * Publishes each widget as one self-contained ES module under `<outDir>/widgets/`, so a third-party
 * page can load it with `<script type="module" src=".../widgets/stepdocs-login-url.js">`.
 * The site itself loads the same source through Astro's own bundling.
 */
import type { AstroIntegration } from 'astro';
import { build, type BuildResult } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

export const WIDGET_BUNDLES: Record<string, string> = {
  'stepdocs-login-url': 'src/widgets/login-url-element.ts',
  'stepdocs-metadata-checker': 'src/widgets/metadata-checker-standalone.ts',
  'stepdocs-metadata-worker': 'src/widgets/metadata-worker.ts',
};

export function widgetBundles(): AstroIntegration {
  let root = '';
  let bundling: Promise<BuildResult<{ write: false }>> | undefined;
  return {
    name: 'stepdocs:widget-bundles',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      // esbuild works in its own process: started with the build, it is done long before the pages are.
      'astro:build:start': () => {
        bundling = build({
          entryPoints: Object.fromEntries(Object.entries(WIDGET_BUNDLES).map(([name, entry]) => [name, join(root, entry)])),
          outdir: '/widgets',
          write: false,
          bundle: true,
          format: 'esm',
          minify: true,
          target: 'es2022',
          platform: 'browser',
          legalComments: 'none',
          logLevel: 'warning',
        });
        // Awaited in build:done; a failure must not surface earlier as an unhandled rejection.
        bundling.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!bundling) return;
        const { outputFiles } = await bundling;
        const outDir = fileURLToPath(dir);
        for (const file of outputFiles) {
          const target = join(outDir, relative('/', file.path));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, file.contents);
          logger.info(relative(outDir, target));
        }
      },
    },
  };
}
