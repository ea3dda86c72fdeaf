import { createRunner, type Runner, type RunnerOptions } from '../../src/probe/runner.ts';
import { createSwallowedErrors } from '../../src/probe/swallowed-errors.ts';

/**
 * A probe runner as the tests build it: each test gives what it is about (catalogue, store,
 * checker, clock) and whatever it changes; the rest is the same everywhere.
 */
export function createTestRunner(
  options: Pick<RunnerOptions, 'catalogue' | 'store' | 'checker' | 'clock'> & Partial<RunnerOptions>,
): Runner {
  return createRunner({
    location: 'test',
    processId: 'test-host:1:aaaaaa',
    version: '0.1.0',
    userAgent: 'Vigie-probe/0.1.0 (+https://status.example)',
    concurrency: 5,
    perHost: 2,
    retentionDays: 30,
    errors: createSwallowedErrors({ log: () => undefined }),
    ...options,
  });
}
