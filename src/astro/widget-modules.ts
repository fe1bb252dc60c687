/**
 * The site's pages load the widgets from the same published modules that other sites embed (built by
 * src/astro/integrations/widget-bundles.ts), so Vite does not bundle them a second time and the site's
 * browser tests exercise what vendors embed.
 */
import { WIDGETS_VERSION } from 'virtual:stepdocs/widgets';
import type { WidgetModule } from './integrations/widget-bundles';
import { url } from './site';

export type { WidgetModule };

/** `/docs/widgets/stepdocs-login-url.js?v=<hash of the bundles>`: a new build is never served a stale module from a cache. */
export function widgetModuleUrl(name: WidgetModule): string {
  return `${url(`widgets/${name}.js`)}?v=${WIDGETS_VERSION}`;
}

/**
 * True the first time a page asks for a module, so a page with two calculators carries one
 * script tag (Astro dedupes the scripts it bundles, not `is:inline` ones).
 */
export function firstOnPage(locals: App.Locals, name: WidgetModule): boolean {
  const loaded = (locals.widgetModules ??= new Set());
  if (loaded.has(name)) return false;
  loaded.add(name);
  return true;
}
