/** Entry for the site's own pages: Vite bundles the worker and gives its URL. */
import workerUrl from './metadata-worker.ts?worker&url';
import { defineMetadataChecker } from './metadata-checker-element.ts';

defineMetadataChecker({ workerUrl, rulesUrl: `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}rules/metadata/` });
