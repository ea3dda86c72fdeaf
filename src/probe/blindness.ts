import type { LeaseView } from './lease-keeper.ts';

/**
 * Is the probe blind, and why (pure)? Never "healthy" while it checks nothing:
 * - `clock_skew`: its clock is too far from the store's, so it holds no lease on purpose;
 * - `no_lease`: it holds no lease while the location has services nobody holds, or while it has
 *   checked nothing for an interval (the leases it waits for may be a dead process's);
 * - `no_checks`: it has checked nothing for an interval (from its start, or its last check) and
 *   has no check in flight (a check of a hung site runs until its own timeout).
 * A process holding no lease because others hold them all, and checking nothing meanwhile, is
 * blind as far as it can tell: one standby more than services says so too.
 */
export const BLIND_REASONS = ['clock_skew', 'no_lease', 'no_checks'] as const;
export type BlindReason = (typeof BLIND_REASONS)[number];

export interface BlindnessInput {
  /** Null without leases (one process checks everything). */
  leases: LeaseView | null;
  /** When a check last finished, or when the process started; null before it started. */
  lastCheckAt: number | null;
  /** Checks in flight now. */
  running?: number;
  now: number;
  /** "An interval": silence longer than this is blindness. */
  quietMs: number;
}

export function blindness(input: BlindnessInput): BlindReason | null {
  if (input.lastCheckAt === null) return null;
  const quiet = input.now - input.lastCheckAt > input.quietMs && (input.running ?? 0) === 0;
  const { leases } = input;
  if (leases?.skewed) return 'clock_skew';
  if (leases && leases.held === 0 && ((leases.unheld ?? 0) > 0 || quiet)) return 'no_lease';
  return quiet ? 'no_checks' : null;
}

/** The quiet time that makes a probe blind: its longest interval, with room for jitter and a late start. */
export function quietLimitMs(intervalsS: readonly number[]): number {
  return Math.max(0, ...intervalsS) * 1000 * 1.5;
}

/** Keeps when the probe last checked, and since when it is blind and why. */
export function createBlindWatch(deps: {
  leases: () => LeaseView | null;
  running: () => number;
  now: () => number;
  intervalsS: readonly number[];
}) {
  const quietMs = quietLimitMs(deps.intervalsS);
  let lastCheckAt: number | null = null;
  let current: { reason: BlindReason; since: Date } | null = null;
  return {
    /** A check finished (or the probe started). */
    checked: () => void (lastCheckAt = deps.now()),
    now(): { reason: BlindReason; since: Date } | null {
      const reason = blindness({ leases: deps.leases(), lastCheckAt, running: deps.running(), now: deps.now(), quietMs });
      if (reason === null) current = null;
      else if (current?.reason !== reason) current = { reason, since: new Date(deps.now()) };
      return current;
    },
  };
}
