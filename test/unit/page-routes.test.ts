/**
 * The route table (src/lib/site-routes.ts) against what serves the routes: every page file under
 * src/pages/ and every file in public/ serves a route of the table, and every route of the table is
 * served by one of them. Adding a page without naming it, or naming one that no longer exists, fails.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIC_ROUTES } from '../../src/lib/routes';
import { ROOT } from '../support/build-site';

/** Files whose name is a route parameter: the routes they serve, from their getStaticPaths. */
const PARAMETER_PAGES: Record<string, string[]> = {
  '[llms].txt.ts': ['llms.txt', 'llms-full.txt'],
};

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The route a page file serves, as Astro maps files to paths with `trailingSlash: 'always'`. */
function routesOf(file: string): string[] {
  if (PARAMETER_PAGES[file]) return PARAMETER_PAGES[file];
  const path = file.replace(/\.(astro|ts)$/, '');
  if (path === '404') return ['404.html'];
  if (/\.[a-z]+$/.test(path)) return [path];
  if (path === 'index') return [''];
  return [`${path.replace(/\/index$/, '')}/`];
}

describe('the route table', () => {
  it('names every route the pages and public files serve, and nothing else', () => {
    // Pages under a version (`[version]/…`) are the content's routes, which routes.ts derives from content ids.
    const pages = files(join(ROOT, 'src/pages')).filter((file) => !file.startsWith('[version]/'));
    const served = [...pages.flatMap(routesOf), ...files(join(ROOT, 'public'))].sort();
    expect(served).toEqual([...STATIC_ROUTES].sort());
  });
});
