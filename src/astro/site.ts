/** Site settings and URL helpers for Astro components (the pure parts live in src/lib). */
import { loadSiteConfig } from '../node/site-config';
import { withBase } from '../lib/routes';

// Pages render on the server at build time: the configuration file is read there, once.
export const siteConfig = loadSiteConfig(process.env);

/** A URL below the site base: `url('latest/jumpcloud/')` → `/docs/latest/jumpcloud/`. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
