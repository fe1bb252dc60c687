/** The Markdown copy of every page, at its URL + `index.md`: for AI readers, scripts and "Copy page as Markdown". */
import type { APIRoute } from 'astro';
import { markdownRoutes, markdownOf } from '../../../astro/markdown-pages';
import type { Guide } from '../../../astro/guides';

export async function getStaticPaths() {
  return markdownRoutes();
}

export const GET: APIRoute = ({ props, site }) => {
  const { guide, isAlias } = props as { guide: Guide; isAlias: boolean };
  return new Response(markdownOf(guide, site!, isAlias), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
