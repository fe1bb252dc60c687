/** `sitemap.xml`: every guide of every version, version homes and the site's own pages. */
import type { APIRoute } from 'astro';
import { allGuides, pathOfGuide, VERSIONS } from '../astro/guides';
import { url } from '../astro/site';
import { escapeHtml } from '../lib/escape-html';
import { SITEMAP_ROUTES } from '../lib/routes';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => new URL(url(path), site).href;
  const entries: Array<{ loc: string; lastmod?: string }> = [
    ...SITEMAP_ROUTES.map((route) => ({ loc: absolute(route) })),
    ...VERSIONS.map((version) => ({ loc: absolute(`${version.id}/`) })),
    ...(await allGuides()).map((guide) => ({
      loc: absolute(pathOfGuide(guide)),
      ...(guide.data.lastReviewed ? { lastmod: guide.data.lastReviewed.toISOString().slice(0, 10) } : {}),
    })),
  ];
  const body = entries
    .map((entry) => `  <url><loc>${escapeHtml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
