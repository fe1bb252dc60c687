/**
 * A Sätteri hast plugin that rewrites Markdown links to content files (`./okta.mdx#x`) into site
 * routes (`/latest/okta/#x`), so authors link files the way their editor resolves them.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve, sep } from 'node:path';
import { isContentFileLink, routeOfFileLink } from '../../lib/links/content-link.ts';
import type { Version } from '../../lib/versions.ts';

/** Every source with a content file link has this; a page without it skips the plugin. */
const MAY_LINK_A_CONTENT_FILE = /\.mdx?\b/;

export function contentLinksPlugin(options: { contentDir: string; base: string; versions: readonly Version[] }) {
  const contentRoot = resolve(options.contentDir);
  const plugin = {
    name: 'stepdocs-content-links',
    element: {
      filter: ['a'],
      visit(node: { properties?: Record<string, unknown> }, ctx: { fileURL: URL | undefined; setProperty(node: unknown, key: string, value: unknown): void }) {
        const href = node.properties?.href;
        if (typeof href !== 'string' || !isContentFileLink(href) || !ctx.fileURL) return;
        const file = fileURLToPath(ctx.fileURL);
        if (!file.startsWith(contentRoot + sep)) return;
        const id = relative(contentRoot, file)
          .split(sep)
          .join('/')
          .replace(/\.mdx?$/, '');
        const route = routeOfFileLink(id, href, options.base, options.versions);
        if (route) ctx.setProperty(node, 'href', route);
      },
    },
  };
  // A factory, asked once per document: handing every link of every page from the Rust parser to
  // JavaScript cost about 70 µs a page, for pages that mostly have no file links at all.
  return (document: { source: string }) => (MAY_LINK_A_CONTENT_FILE.test(document.source) ? plugin : null);
}
