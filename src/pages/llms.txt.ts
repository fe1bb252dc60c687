/** `/llms.txt`: the current version's pages for AI readers (llmstxt.org); each version has its own under `/<version>/`. */
import type { APIRoute } from 'astro';
import { VERSIONS } from '../guides';
import { currentVersion } from '../lib/versions';
import { llmsOf } from '../markdown-pages';

export const GET: APIRoute = async ({ site }) => new Response((await llmsOf(currentVersion(VERSIONS), site!)).index, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
