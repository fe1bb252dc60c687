/** `/<version>/llms.txt` and `/<version>/llms-full.txt` (and their `latest/` alias): one version's pages for AI readers. */
import type { APIRoute } from 'astro';
import { VERSIONS } from '../../astro/guides';
import type { Version } from '../../lib/versions';
import { versionParams } from '../../lib/version-params';
import { llmsOf } from '../../astro/markdown-pages';
import { siteConfig } from '../../astro/site';

export function getStaticPaths() {
  if (!siteConfig.markdown) return [];
  return versionParams(VERSIONS).flatMap((entry) => ['llms', 'llms-full'].map((llms) => ({ params: { ...entry.params, llms }, props: entry.props })));
}

export const GET: APIRoute = async ({ params, props, site }) => {
  const files = await llmsOf((props as { version: Version }).version, site!);
  return new Response(params.llms === 'llms' ? files.index : files.full, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
