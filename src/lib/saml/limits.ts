/**
 * The metadata checker's size limit, in a module of its own so the widget's page script can refuse
 * a file by its size without loading the engine that runs in the worker.
 */

/** Largest file accepted, in bytes: room for the largest federation aggregates. */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
