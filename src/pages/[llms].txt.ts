/**
 * `/llms.txt` (the current version's pages for AI readers, llmstxt.org) and `/llms-full.txt` (all
 * their Markdown). Each version has its own under `/<version>/`. None with `markdown: false`.
 */
import type { APIRoute } from 'astro';
import { VERSIONS } from '../astro/guides';
import { currentVersion } from '../lib/versions';
import { llmsOf } from '../astro/markdown-pages';
import { siteConfig } from '../astro/site';

export function getStaticPaths() {
  return siteConfig.markdown ? [{ params: { llms: 'llms' } }, { params: { llms: 'llms-full' } }] : [];
}

export const GET: APIRoute = async ({ params, site }) => {
  const files = await llmsOf(currentVersion(VERSIONS), site!);
  return new Response(params.llms === 'llms' ? files.index : files.full, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
