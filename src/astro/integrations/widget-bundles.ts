/**
 * Publishes each widget as one self-contained ES module under `<outDir>/widgets/`, so a third-party
 * page can load it with `<script type="module" src=".../widgets/stepdocs-login-url.js">`. Each module
 * is published three times: at `widgets/<name>.js` (as before), at the stable major-version path
 * `widgets/v1/<name>.js` (changes only compatibly), and in the immutable folder
 * `widgets/<version>/<name>.js` (never changes, so a vendor can pin it with Subresource Integrity);
 * `widgets/manifest.json` lists them with their `integrity` values.
 *
 * The site's own pages load the same modules, and the metadata checker's engine (XML parser, X.509
 * library) runs in `stepdocs-metadata-worker.js`: bundled once by esbuild, in its own process, while
 * Astro syncs the content and builds the pages, instead of a second time by Vite. Pages load them as
 * `…/widgets/<name>.js?v=<hash of the bundles>` (from `virtual:stepdocs/widgets`), so a new build is
 * never served a stale module from a cache. `astro dev` serves the same URLs, built on request.
 */
import type { AstroIntegration } from 'astro';
import { normaliseBase } from '../../lib/site-config.ts';
import { build, context, type BuildContext, type BuildOptions, type BuildResult, type OutputFile } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const WIDGET_BUNDLES = {
  'stepdocs-login-url': 'src/client/widgets/login-url-element.ts',
  'stepdocs-metadata-checker': 'src/client/widgets/metadata-checker-standalone.ts',
  'stepdocs-metadata-worker': 'src/client/widgets/metadata-worker.ts',
  'stepdocs-embed': 'src/client/widgets/embed-helper.ts',
} as const satisfies Record<string, string>;

/** The published modules a page loads with a script tag (the worker is started by the checker). */
export type WidgetModule = Exclude<keyof typeof WIDGET_BUNDLES, 'stepdocs-metadata-worker' | 'stepdocs-embed'>;

/** The stable major-version folder: its modules change only in ways that keep every embed working. */
export const WIDGETS_MAJOR = 'v1';

/** A Subresource Integrity value (`sha384-…`) of a file's bytes. */
export function integrityOf(contents: Uint8Array): string {
  return `sha384-${createHash('sha384').update(contents).digest('base64')}`;
}

const VIRTUAL_ID = 'virtual:stepdocs/widgets';

function bundleOptions(root: string): BuildOptions & { write: false } {
  return {
    entryPoints: Object.fromEntries(Object.entries(WIDGET_BUNDLES).map(([name, entry]) => [name, join(root, entry)])),
    outdir: '/widgets',
    write: false,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  };
}

/** A short hash of the bundles' bytes, for cache-busting their URLs. */
function versionOf(files: readonly OutputFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update(file.contents);
  return hash.digest('hex').slice(0, 12);
}

export function widgetBundles(): AstroIntegration {
  let root = '';
  let base = '/';
  let bundling: Promise<BuildResult<{ write: false }>> | undefined;
  return {
    name: 'stepdocs:widget-bundles',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, command }) => {
        if (command === 'build') {
          // Started before Astro syncs the content collections, which keeps one core busy and leaves
          // the other to esbuild; by the time Vite bundles the site, the widgets are done.
          bundling = build(bundleOptions(fileURLToPath(config.root)));
          // Awaited by the version module and at build end; a failure must not surface as an unhandled rejection first.
          bundling.catch(() => undefined);
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'stepdocs:widget-version',
                resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : null),
                async load(id) {
                  if (id !== `\0${VIRTUAL_ID}`) return null;
                  // In dev the bundles are built on request, so there is nothing to hash yet.
                  // A failed bundle is reported, with its errors, when the build ends.
                  const files =
                    command === 'build' && bundling
                      ? await bundling.then(
                          (result) => result.outputFiles,
                          () => undefined,
                        )
                      : undefined;
                  const version = files ? versionOf(files) : command === 'build' ? 'failed' : 'dev';
                  const integrity = Object.fromEntries((files ?? []).map((file) => [file.path.replace(/^\/widgets\/|\.js$/g, ''), integrityOf(file.contents)]));
                  return `export const WIDGETS_VERSION = ${JSON.stringify(version)};\nexport const WIDGETS_INTEGRITY = ${JSON.stringify(integrity)};\n`;
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = normaliseBase(config.base);
      },
      'astro:server:setup': ({ server, logger }) => {
        let building: Promise<BuildContext<BuildOptions & { write: false }>> | undefined;
        server.middlewares.use(async (request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          // `widgets/<name>.js`, `widgets/v1/<name>.js` and `widgets/<version>/<name>.js` are the same module here.
          const name = path.startsWith(`${base}widgets/`)
            ? path
                .slice(`${base}widgets/`.length)
                .replace(/^[^/]+\//, '')
                .replace(/\.js$/, '')
            : undefined;
          if (!name || !(name in WIDGET_BUNDLES)) return next();
          try {
            building ??= context(bundleOptions(root));
            const { outputFiles } = await (await building).rebuild();
            const file = outputFiles.find((output) => output.path === `/widgets/${name}.js`);
            if (!file) return next();
            response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            response.setHeader('Cache-Control', 'no-cache');
            response.end(file.contents);
          } catch (error) {
            logger.error(`widgets/${name}.js: ${error instanceof Error ? error.message : String(error)}`);
            response.statusCode = 500;
            response.end();
          }
        });
        server.httpServer?.once('close', () => void building?.then((built) => built.dispose()));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!bundling) return;
        let result: BuildResult<{ write: false }>;
        try {
          result = await bundling;
        } catch (error) {
          const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors ?? [];
          const detail = errors
            .map((entry) => (entry.location ? `${entry.location.file}:${entry.location.line}:${entry.location.column + 1} ${entry.text}` : entry.text))
            .join('\n');
          // The esbuild errors say what and where; a stack trace through the build would only bury them.
          const failure = new Error(`The widget bundles could not be built:\n${detail || String(error)}`);
          failure.stack = '';
          throw failure;
        }
        const outDir = fileURLToPath(dir);
        const version = versionOf(result.outputFiles);
        const manifest: Record<string, { stable: string; immutable: string; integrity: string }> = {};
        for (const file of result.outputFiles) {
          const name = file.path.replace(/^\/widgets\//, '');
          for (const folder of ['', `${WIDGETS_MAJOR}/`, `${version}/`]) {
            const target = join(outDir, 'widgets', folder, name);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, file.contents);
          }
          manifest[name.replace(/\.js$/, '')] = {
            stable: `${base}widgets/${WIDGETS_MAJOR}/${name}`,
            immutable: `${base}widgets/${version}/${name}`,
            integrity: integrityOf(file.contents),
          };
          logger.info(`widgets/${name} (also ${WIDGETS_MAJOR}/ and ${version}/)`);
        }
        await writeFile(join(outDir, 'widgets', 'manifest.json'), `${JSON.stringify({ version, major: WIDGETS_MAJOR, modules: manifest }, null, 2)}\n`);
      },
    },
  };
}
