import { throttleSubject } from '../web/client-address.ts';
import type { Store } from '../store/store.ts';
import { THROTTLE_WINDOW_MS } from '../domain/sign-in-window.ts';

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

/** Delay that applies after `failures` failures (pure): 0, then 1 s, 2 s, 4 s … up to the cap. */
export function throttleDelayMs(failures: number, rule: ThrottleRule): number {
  const over = failures - rule.freeFailures;
  if (over <= 0) return 0;
  return Math.min(rule.baseDelayMs * 2 ** Math.min(over - 1, 30), rule.maxDelayMs);
}

export function pairKey(email: string, address: string): string {
  return `pair:${email.trim().toLowerCase()}|${throttleSubject(address)}`;
}

export function addressKey(address: string): string {
  return `addr:${throttleSubject(address)}`;
}

export interface Throttle {
  /**
   * Reserves the attempt as a failure under its keys, then says how long it must wait (0: evaluate
   * it now). The reservation is committed before counting, so attempts sent at once see each other
   * and only as many as the rules allow are evaluated. A throttled attempt has already been released.
   */
  begin(email: string, address: string): Promise<{ attempt: string; waitMs: number }>;
  /** A wrong one: its reservation stays as the failure, dated now. */
  failed(attempt: string): Promise<void>;
  /** A correct sign-in: the account's failures from this address are forgotten, and this attempt too. */
  succeeded(attempt: string, email: string, address: string): Promise<void>;
  /** An attempt never evaluated (server busy, client gone): it does not count. */
  release(attempt: string, email: string, address: string): Promise<void>;
}

export function createThrottle({ store, clock }: { store: Store; clock: () => Date }): Throttle {
  /** Delay for a key whose count includes this attempt's own reservation. */
  async function wait(key: string, rule: ThrottleRule, now: Date): Promise<number> {
    const others = (await store.countLoginFailures(key, new Date(now.getTime() - THROTTLE_WINDOW_MS))) - 1;
    const delay = throttleDelayMs(others, rule);
    if (delay === 0) return 0;
    // Blocked while another failure is younger than the delay the earlier ones earned.
    const recent = (await store.countLoginFailures(key, new Date(now.getTime() - delay))) - 1;
    return recent > 0 ? delay : 0;
  }
  const keysOf = (email: string, address: string) => [pairKey(email, address), addressKey(address)];
  return {
    async begin(email, address) {
      const now = clock();
      const attempt = await store.reserveLoginAttempt(keysOf(email, address), now);
      const [pair, addr] = await Promise.all([wait(pairKey(email, address), PAIR_RULE, now), wait(addressKey(address), ADDRESS_RULE, now)]);
      const waitMs = Math.max(pair, addr);
      if (waitMs > 0) await store.releaseLoginAttempt(attempt, keysOf(email, address));
      return { attempt, waitMs };
    },
    async failed(attempt) {
      await store.stampLoginAttempt(attempt, clock());
    },
    async succeeded(attempt, email, address) {
      await store.clearLoginFailures(pairKey(email, address));
      await store.releaseLoginAttempt(attempt, keysOf(email, address));
    },
    async release(attempt, email, address) {
      await store.releaseLoginAttempt(attempt, keysOf(email, address));
    },
  };
}
