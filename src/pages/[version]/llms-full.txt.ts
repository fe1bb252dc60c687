/** `/<version>/llms-full.txt`: one version's pages as Markdown, in sidebar order. */
import type { APIRoute } from 'astro';
import { VERSIONS } from '../../guides';
import type { Version } from '../../lib/versions';
import { versionParams } from '../../lib/version-params';
import { llmsOf } from '../../markdown-pages';

export function getStaticPaths() {
  return versionParams(VERSIONS);
}

export const GET: APIRoute = async ({ props, site }) => new Response((await llmsOf((props as { version: Version }).version, site!)).full, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
