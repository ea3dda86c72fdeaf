import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { SITE_SUITE_CLOCKS } from './support/fixed-clocks.ts';
import { SlowFirstSequencer } from './support/slow-first-sequencer.ts';

// The site suites count Paris days from the clock of a real site process: they run again on a
// clock set to each of a few fixed instants (the browser suite, 40 s a run, only on the real one).
const DATE_SENSITIVE = [
  'test/site/pages.test.ts',
  'test/feeds/feed-site.test.ts',
  'test/api/api-site.test.ts',
  'test/site/published-agreement.test.ts',
];

const ALONE = ['test/site/browser/lighthouse.browser.test.ts'];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    // Limits for a busy two-core machine shared with other runs: a real browser or a site process
    // can stall for tens of seconds there; a stuck test still fails, just later.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Real sockets, real databases and a real browser on two cores: the long files mostly wait (on
    // check intervals, leases, a site or a browser), so a third worker fills the idle core without
    // starving the others (suite 221 s with two workers, 165 s with three, on an idle machine).
    maxWorkers: 3,
    globalSetup: ['test/support/global-setup.ts'],
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      // The fault suite stops databases and floods the machine: it runs apart (`npm run test:faults`).
      {
        test: {
          name: 'vigie',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/faults/**', ...ALONE],
        },
      },
      // Lighthouse loads the page as a slow phone would: next to other files, on a loaded machine, a
      // cold load can time out and end the audit in an error, so it runs last, on its own.
      { test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
      ...SITE_SUITE_CLOCKS.map((clock) => ({
        test: {
          name: `clock ${clock.at.toISOString()}`,
          include: DATE_SENSITIVE,
          env: { VIGIE_TEST_CLOCK: clock.at.toISOString() },
          setupFiles: ['test/support/shifted-clock.ts'],
        },
      })),
    ],
  },
});
