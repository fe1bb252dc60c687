/** Site settings and URL helpers for Astro components (the pure parts live in src/lib). */
import { readSiteConfig } from './lib/site-config';
import { relative, resolve } from 'node:path';
import { withBase } from './lib/routes';

export const siteConfig = readSiteConfig(import.meta.env.SSR ? process.env : {});

/** A URL below the site base: `url('latest/jumpcloud/')` → `/docs/latest/jumpcloud/`. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/**
 * The content folder as Vite names globbed files: `/content` inside the project, a relative path
 * (`../team-docs`) outside it. Builds run from the project root, so the working directory is the root.
 */
export function contentGlobPrefix(): string {
  const path = relative(process.cwd(), resolve(process.cwd(), siteConfig.contentDir)).split('\\').join('/');
  return path.startsWith('..') ? path : `/${path}`;
}
