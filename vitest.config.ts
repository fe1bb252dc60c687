import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/temp-root.ts'],
    // Site builds and browser tests take seconds each; unit tests stay far below this.
    testTimeout: 120_000,
    // Site builds share the project's .astro folder; one file at a time keeps them apart.
    fileParallelism: false,
    hookTimeout: 300_000,
  },
});
