/**
 * Entry for the published module `widgets/stepdocs-metadata-checker.js`: the worker is published
 * beside it, and rule links go to the site the module came from.
 */
import { defineMetadataChecker } from './metadata-checker-element.ts';

defineMetadataChecker({
  workerUrl: new URL('./stepdocs-metadata-worker.js', import.meta.url),
  rulesUrl: new URL('../rules/metadata/', import.meta.url).href,
});
