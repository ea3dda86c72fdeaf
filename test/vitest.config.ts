import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // The fault suite stops databases and floods the machine: it runs apart (`npm run test:faults`).
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Real sockets, real databases and a real browser: two cores, so keep the fan-out modest.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
