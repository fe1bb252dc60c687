/**
 * A Sätteri hast plugin that rewrites Markdown links to content files (`./okta.mdx#x`) into site
 * routes (`/latest/okta/#x`), so authors link files the way their editor resolves them.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve, sep } from 'node:path';
import { isContentFileLink, routeOfFileLink } from '../lib/links/content-link.ts';
import type { Version } from '../lib/versions.ts';

export function contentLinksPlugin(options: { contentDir: string; base: string; versions: readonly Version[] }) {
  const contentRoot = resolve(options.contentDir);
  return {
    name: 'stepdocs-content-links',
    element: {
      filter: ['a'],
      visit(node: { properties?: Record<string, unknown> }, ctx: { fileURL: URL | undefined; setProperty(node: unknown, key: string, value: unknown): void }) {
        const href = node.properties?.href;
        if (typeof href !== 'string' || !isContentFileLink(href) || !ctx.fileURL) return;
        const file = fileURLToPath(ctx.fileURL);
        if (!file.startsWith(contentRoot + sep)) return;
        const id = relative(contentRoot, file).split(sep).join('/').replace(/\.mdx?$/, '');
        const route = routeOfFileLink(id, href, options.base, options.versions);
        if (route) ctx.setProperty(node, 'href', route);
      },
    },
  };
}
