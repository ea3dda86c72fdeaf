import { isTimeout } from '../store/write-failure.ts';
import type { ProbeClock } from './clock.ts';

export const STORE_WRITE_STATES = ['ok', 'slow', 'unavailable'] as const;
export type StoreWriteState = (typeof STORE_WRITE_STATES)[number];

/**
 * How the store takes the probe's writes, for /healthz, /readyz and /metrics: "ok"; "slow" while a
 * write has been waiting `slowAfterMs` or more, or when the last one failed on a deadline (a lock
 * or statement timeout: the store is there, too slow); "unavailable" when the last one failed
 * otherwise. A ping cannot tell: `SELECT 1` answers on a full disk and under a table lock.
 */
export function createStoreWriteHealth(clock: ProbeClock, slowAfterMs: number) {
  const waiting = new Set<{ since: number }>();
  let failingSince: number | null = null;
  let failedSlow = false;
  let lastError: string | null = null;

  return {
    /** A write goes to the store; call what is returned once it has settled. */
    begin(): () => void {
      const write = { since: clock.now() };
      waiting.add(write);
      return () => waiting.delete(write);
    },
    failed(error: unknown): void {
      failingSince ??= clock.now();
      failedSlow = isTimeout(error);
      lastError = error instanceof Error ? error.message : String(error);
    },
    succeeded(): void {
      failingSince = null;
      lastError = null;
    },
    failing: () => failingSince !== null,
    now(): { state: StoreWriteState; since: string | null; lastError: string | null } {
      if (failingSince !== null) return { state: failedSlow ? 'slow' : 'unavailable', since: iso(failingSince), lastError };
      const oldest = Math.min(...[...waiting].map((w) => w.since));
      if (clock.now() - oldest >= slowAfterMs) return { state: 'slow', since: iso(oldest + slowAfterMs), lastError };
      return { state: 'ok', since: null, lastError };
    },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
