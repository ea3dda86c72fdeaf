import type { CheckOutcome } from '../domain/vocabulary.ts';

/**
 * Does the probe suspect itself? Pure decisions; `self-check.ts` feeds them.
 * A probe whose own network dropped sees every service fail at once, the same way; declaring a
 * national outage then would be the worst false alarm a status page can raise.
 */

/** Outcomes where no server answered at all: what a probe with a broken network sees everywhere. */
const NETWORK_FAILURES: ReadonlySet<CheckOutcome> = new Set([
  'timeout',
  'dns_nxdomain',
  'dns_temporary',
  'dns_servfail',
  'dns_timeout',
  'refused',
  'reset',
  'network_error',
]);

export function isNetworkFailure(outcome: CheckOutcome): boolean {
  return NETWORK_FAILURES.has(outcome);
}

/** No connection was attempted, or none that says anything about the probe's path (a missed heartbeat is read from the store). */
const NOT_ATTEMPTED: ReadonlySet<CheckOutcome> = new Set(['unsafe_target', 'probe_error', 'heartbeat_missed']);

/** Some server answered (any status, any page, even a bad certificate): the probe's path works. */
export function isAnswer(outcome: CheckOutcome): boolean {
  return !NETWORK_FAILURES.has(outcome) && !NOT_ATTEMPTED.has(outcome);
}

export interface CanaryVerdict {
  /** Most canaries answered: the probe's network works. */
  healthy: boolean;
  /** At least one canary did not answer. */
  anyUnreachable: boolean;
}

/**
 * A canary reached over TLS with a warning still counts as unreachable: an intercepting proxy or a
 * captive portal is exactly the local trouble canaries are there to catch.
 */
export function canaryVerdict(outcomes: readonly CheckOutcome[]): CanaryVerdict {
  const reachable = outcomes.filter((o) => isAnswer(o) && !o.startsWith('tls_')).length;
  return { healthy: reachable * 2 >= outcomes.length, anyUnreachable: reachable < outcomes.length };
}

export interface RecentFailure {
  serviceId: string;
  outcome: CheckOutcome;
}

export const UNIFORM_MIN_SERVICES = 5;
export const UNIFORM_SHARE = 0.8;

/**
 * "Everything fails the same way at once": since the last time any server answered, at least
 * `minServices` distinct services failed at the network level, mostly with one outcome. Below that
 * many services the signal is too weak to tell a broken probe from a few broken sites.
 */
export function uniformNetworkFailure(failures: readonly RecentFailure[], minServices = UNIFORM_MIN_SERVICES): boolean {
  const services = new Set(failures.map((f) => f.serviceId));
  if (services.size < minServices) return false;
  if (!failures.every((f) => isNetworkFailure(f.outcome))) return false;
  const counts = new Map<CheckOutcome, number>();
  for (const f of failures) counts.set(f.outcome, (counts.get(f.outcome) ?? 0) + 1);
  return Math.max(...counts.values()) >= UNIFORM_SHARE * failures.length;
}

/**
 * Canaries, when configured, decide: most unreachable means the probe is offline; a uniform
 * failure while some canary is also unreachable too. All canaries answering means a mass outage
 * is real and is reported. Without canaries the uniform-failure heuristic decides alone.
 */
export function probeOffline(input: { canaries: CanaryVerdict | null; uniformFailure: boolean }): boolean {
  if (input.canaries === null) return input.uniformFailure;
  return !input.canaries.healthy || (input.uniformFailure && input.canaries.anyUnreachable);
}
