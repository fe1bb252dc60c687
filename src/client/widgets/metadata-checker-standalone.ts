/**
 * Entry for the published module `widgets/stepdocs-metadata-checker.js`, which the site's own pages
 * load too: the worker is published beside it, and rule links go to the site the module came from.
 * The module's own query (the site loads it as `…?v=<hash of the bundles>`) is passed on to the
 * worker's URL, so a new build is never served a stale worker from a cache.
 */
import { defineMetadataChecker } from './metadata-checker-element.ts';
import { METADATA_RULES_ROUTE } from '../../lib/site-routes.ts';

const moduleUrl = new URL(import.meta.url);
defineMetadataChecker({
  workerUrl: new URL(`./stepdocs-metadata-worker.js${moduleUrl.search}`, moduleUrl),
  // The module is published at `<site>/widgets/…` (also `widgets/v1/` and `widgets/<version>/`): rules live at `<site>/rules/metadata/`.
  rulesUrl: new URL(`${moduleUrl.pathname.replace(/\/widgets\/.*$/, '/')}${METADATA_RULES_ROUTE}`, moduleUrl).href,
});
