import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The fault suite: real processes, a PostgreSQL cluster of its own that it stops and starts, kill
 * -9, nginx, floods. Slow by nature, so apart from `npm test`; `.ci/run` runs both.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    // Each scenario loads the machine on purpose: one at a time.
    maxWorkers: 1,
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
