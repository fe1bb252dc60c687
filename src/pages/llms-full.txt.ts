/** `/llms-full.txt`: every page of the current version as Markdown, in sidebar order. */
import type { APIRoute } from 'astro';
import { VERSIONS } from '../guides';
import { currentVersion } from '../lib/versions';
import { llmsOf } from '../markdown-pages';

export const GET: APIRoute = async ({ site }) => new Response((await llmsOf(currentVersion(VERSIONS), site!)).full, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
