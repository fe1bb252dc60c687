/**
 * Entry for the site's own pages: the engine runs in the published worker module, which esbuild
 * builds beside the site (see src/integrations/widget-bundles.ts); its URL carries the bundles' hash.
 */
import { WIDGETS_VERSION } from 'virtual:stepdocs/widgets';
import { defineMetadataChecker } from './metadata-checker-element.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
defineMetadataChecker({ workerUrl: `${base}widgets/stepdocs-metadata-worker.js?v=${WIDGETS_VERSION}`, rulesUrl: `${base}rules/metadata/` });
