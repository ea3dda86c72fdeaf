import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Real sockets, real databases and a real browser: two cores, so keep the fan-out modest.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
