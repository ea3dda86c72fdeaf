import type { Store } from '../store/store.ts';

/**
 * Sign-in throttling with growing delays, keyed on (account, address) and on address alone.
 * There is deliberately no per-account or global bucket: attackers spread over many addresses
 * cannot lock a staff member out, because their own address keeps its own count.
 */
export interface ThrottleRule {
  /** Failures allowed before delays start. */
  freeFailures: number;
  /** Delay after the first failure over the limit; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const PAIR_RULE: ThrottleRule = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 };
/** One address trying many accounts gets more room (a shared office NAT), then the same curve. */
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 20, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 };
/** Failures older than this are forgotten. */
export const THROTTLE_WINDOW_MS = 24 * 60 * 60_000;

/** Delay that applies after `failures` failures (pure): 0, then 1 s, 2 s, 4 s … up to the cap. */
export function throttleDelayMs(failures: number, rule: ThrottleRule): number {
  const over = failures - rule.freeFailures;
  if (over <= 0) return 0;
  return Math.min(rule.baseDelayMs * 2 ** Math.min(over - 1, 30), rule.maxDelayMs);
}

export function pairKey(email: string, address: string): string {
  return `pair:${email.trim().toLowerCase()}|${address}`;
}

export function addressKey(address: string): string {
  return `addr:${address}`;
}

export interface Throttle {
  /** Milliseconds to wait before another attempt is even evaluated (0 = go ahead). */
  waitMs(email: string, address: string): Promise<number>;
  recordFailure(email: string, address: string): Promise<void>;
  recordSuccess(email: string, address: string): Promise<void>;
}

export function createThrottle({ store, clock }: { store: Store; clock: () => Date }): Throttle {
  async function wait(key: string, rule: ThrottleRule, now: Date): Promise<number> {
    const failures = await store.countLoginFailures(key, new Date(now.getTime() - THROTTLE_WINDOW_MS));
    const delay = throttleDelayMs(failures, rule);
    if (delay === 0) return 0;
    // Blocked while the latest failure is younger than the delay it earned.
    const recent = await store.countLoginFailures(key, new Date(now.getTime() - delay));
    return recent > 0 ? delay : 0;
  }
  return {
    async waitMs(email, address) {
      const now = clock();
      const [pair, addr] = await Promise.all([wait(pairKey(email, address), PAIR_RULE, now), wait(addressKey(address), ADDRESS_RULE, now)]);
      return Math.max(pair, addr);
    },
    async recordFailure(email, address) {
      const now = clock();
      await store.recordLoginFailure(pairKey(email, address), now);
      await store.recordLoginFailure(addressKey(address), now);
    },
    async recordSuccess(email, address) {
      await store.clearLoginFailures(pairKey(email, address));
    },
  };
}
