/**
 * Indexes the guides with Pagefind during `astro build`: pages marked `data-pagefind-body`,
 * filterable by `version`. Each page is handed to Pagefind as soon as it is rendered (Astro's
 * prerenderer is wrapped for that), so Pagefind indexes in its own process while Node renders the
 * rest; the index and its loader are written to `<outDir>/pagefind/` once all pages are done.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchableHtml } from './searchable-html.ts';

export function searchIndex(): AstroIntegration {
  let base = '/';
  let index: pagefind.PagefindIndex | undefined;
  const pending: Promise<pagefind.NewFileResponse>[] = [];
  return {
    name: 'stepdocs:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        const created = await pagefind.createIndex({});
        if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
        const open = created.index;
        index = open;
        setPrerenderer((prerenderer) => ({
          name: 'stepdocs:search-index',
          setup: async () => prerenderer.setup?.(),
          getStaticPaths: () => prerenderer.getStaticPaths(),
          teardown: async () => prerenderer.teardown?.(),
          async render(request, options) {
            const result = await prerenderer.render(request, options);
            const response = result instanceof Response ? result : result.response;
            if (response.status !== 200 || !response.headers.get('content-type')?.includes('text/html')) return result;
            const html = await response.text();
            const searchable = searchableHtml(html);
            if (searchable) {
              // Result URLs are site paths without the base, as Pagefind gives them when it reads the output folder.
              const path = new URL(request.url).pathname;
              pending.push(open.addHTMLFile({ url: path.startsWith(base) ? `/${path.slice(base.length)}` : path, content: searchable }));
            }
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return result instanceof Response ? copy : { ...result, response: copy };
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!index) return;
        const added = await Promise.all(pending);
        const errors = added.flatMap((result) => result.errors);
        if (errors.length > 0) throw new Error(`Pagefind could not index the site: ${errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(fileURLToPath(dir), 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`search index: ${added.length} pages`);
        await pagefind.close();
      },
    },
  };
}
