/** Site settings and URL helpers for Astro components (the pure parts live in src/lib). */
import { readSiteConfig } from './lib/site-config';
import { withBase } from './lib/routes';

export const siteConfig = readSiteConfig(import.meta.env.SSR ? process.env : {});

/** A URL below the site base: `url('latest/jumpcloud/')` → `/docs/latest/jumpcloud/`. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
