import { describe, expect, it } from 'vitest';
import { CRASH_LOOP_AFTER, FIRST_DELAY_MS, MAX_DELAY_MS, nextRestart, STABLE_AFTER_MS } from '../../src/supervise/backoff.ts';

describe('nextRestart', () => {
  it.each([
    ['first quick death', { quickDeaths: 0, restarts: 0 }, 500, FIRST_DELAY_MS, false],
    ['second quick death doubles the wait', { quickDeaths: 1, restarts: 1 }, 500, 2 * FIRST_DELAY_MS, false],
    ['third quick death in a row is a crash loop', { quickDeaths: CRASH_LOOP_AFTER - 1, restarts: 2 }, 500, 4 * FIRST_DELAY_MS, true],
    ['the wait is capped', { quickDeaths: 20, restarts: 20 }, 500, MAX_DELAY_MS, true],
    ['a process that ran a while starts over', { quickDeaths: 20, restarts: 20 }, STABLE_AFTER_MS, FIRST_DELAY_MS, false],
  ] as const)('%s', (_, history, ranForMs, delayMs, crashLoop) => {
    const decision = nextRestart(history, ranForMs);
    expect(decision.delayMs).toBe(delayMs);
    expect(decision.crashLoop).toBe(crashLoop);
    expect(decision.history.restarts).toBe(history.restarts + 1);
  });
});
