/**
 * Publishes each widget as one self-contained ES module under `<outDir>/widgets/`, so a third-party
 * page can load it with `<script type="module" src=".../widgets/stepdocs-login-url.js">`.
 * The site itself loads the same source through Astro's own bundling.
 */
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const WIDGET_BUNDLES: Record<string, string> = {
  'stepdocs-login-url': 'src/widgets/login-url-element.ts',
  'stepdocs-metadata-checker': 'src/widgets/metadata-checker-standalone.ts',
  'stepdocs-metadata-worker': 'src/widgets/metadata-worker.ts',
};

export function widgetBundles(): AstroIntegration {
  let root = '';
  return {
    name: 'stepdocs:widget-bundles',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), 'widgets');
        for (const [name, entry] of Object.entries(WIDGET_BUNDLES)) {
          await build({
            entryPoints: [join(root, entry)],
            outfile: join(outDir, `${name}.js`),
            bundle: true,
            format: 'esm',
            minify: true,
            target: 'es2022',
            platform: 'browser',
            legalComments: 'none',
            logLevel: 'warning',
          });
          logger.info(`widgets/${name}.js`);
        }
      },
    },
  };
}
