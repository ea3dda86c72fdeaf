import { OUTCOME_WEIGHT, type CheckOutcome, type ServiceState } from '../domain/vocabulary.ts';
import type { CheckResult, ServiceTracking } from '../domain/records.ts';

/**
 * The state machine of one location: one check result in, the service's new tracking at this
 * location out, plus the confirmed transition it made and whether to re-check quickly. Pure; the
 * persisted tracking is its whole memory, so a restart neither loses nor replays a confirmation in
 * progress. It says what happened, never in words: whether that makes an outage for the public is
 * the quorum's call, and the incident's text is written in `src/incidents/`.
 *
 * - `down` needs `failuresBeforeDown` consecutive failures; the outage starts at the first of them.
 * - Leaving `down` (and leaving `degraded` for `operational`) needs `successesBeforeUp` consecutive
 *   answers; until then the state holds, so a flapping service opens at most one outage.
 * - Inconclusive outcomes (anti-bot page, resolver hiccup, refused target) and probe-offline results
 *   teach nothing about the service: the tracking is left exactly as it was (see `unchanged`).
 * - In a maintenance window a service that is not already down shows `maintenance` and its failures
 *   count for nothing. A confirmed outage stays open and visible through a window: the window was
 *   planned for other work, and closing the outage would claim a recovery nobody observed.
 */
export interface EvaluateOptions {
  failuresBeforeDown: number;
  successesBeforeUp: number;
  inMaintenance: boolean;
  /** When the decision is taken; defaults to the check's start. */
  now?: Date;
}

/** A change this location confirmed: down after enough failures, or back up after enough answers. */
export type LocationTransition = { type: 'confirmed_down'; startedAt: Date; outcome: CheckOutcome } | { type: 'confirmed_up'; at: Date };

export interface Evaluation {
  tracking: ServiceTracking;
  event: LocationTransition | null;
  /** A change is pending confirmation: check again soon rather than a full interval later. */
  recheck: boolean;
}

export function initialTracking(serviceId: string, location: string, at: Date): ServiceTracking {
  return {
    serviceId,
    location,
    state: 'unknown',
    since: at,
    failureStreak: 0,
    successStreak: 0,
    failureRunStartedAt: null,
    lastCheckedAt: null,
    lastOutcome: null,
    latencyMs: null,
    openIncidentId: null,
    lastStep: null,
    tlsExpiresAt: null,
    tlsIssuer: null,
  };
}

export function evaluate(previous: ServiceTracking | null, result: CheckResult, options: EvaluateOptions): Evaluation {
  const at = options.now ?? result.startedAt;
  const tracking = previous ?? initialTracking(result.serviceId, result.location, at);
  const weight = OUTCOME_WEIGHT[result.outcome];
  if (result.probeOffline) return unchanged(tracking, false);
  if (options.inMaintenance && tracking.state !== 'down') return maintenance(tracking, result, at);
  if (weight === 'inconclusive') {
    // A resolver hiccup is the probe's trouble until re-checked; an anti-bot page or a refused
    // target would answer the same way a few seconds later, so re-checking them only adds load.
    return unchanged(tracking, result.outcome === 'dns_temporary' && tracking.state !== 'down');
  }
  const observed: ServiceTracking = { ...tracking, ...observation(tracking, result, at) };
  return weight === 'failure' ? onFailure(observed, result, options, at) : onAnswer(observed, weight === 'slow', options, at);
}

/**
 * Why inconclusive outcomes neither count as failures nor reset the failure streak: counting them
 * would let a 429 page or a resolver hiccup declare an outage; resetting on them would let a real
 * outage that alternates timeouts and rate-limit pages never confirm. `lastCheckedAt` stays at the
 * last conclusive check, so a service hidden behind an anti-bot wall goes stale (`unknown`) on the
 * site instead of showing its old state as fresh.
 */
function unchanged(tracking: ServiceTracking, recheck: boolean): Evaluation {
  return { tracking, event: null, recheck };
}

function maintenance(tracking: ServiceTracking, result: CheckResult, at: Date): Evaluation {
  return {
    tracking: {
      ...withState(tracking, 'maintenance', at),
      failureStreak: 0,
      successStreak: 0,
      failureRunStartedAt: null,
      ...observation(tracking, result, at),
    },
    event: null,
    recheck: false,
  };
}

/** What a conclusive check teaches besides the state; a check that read no certificate keeps the last one seen. */
function observation(tracking: ServiceTracking, result: CheckResult, at: Date): Partial<ServiceTracking> {
  const certificate = result.tlsExpiresAt !== null;
  return {
    // The same instant as the state change a first check makes, so "found, not seen to begin" compares equal.
    firstCheckedAt: tracking.firstCheckedAt ?? at,
    lastCheckedAt: result.startedAt,
    lastOutcome: result.outcome,
    latencyMs: result.latencyMs,
    lastStep: result.step ?? null,
    tlsExpiresAt: certificate ? result.tlsExpiresAt : (tracking.tlsExpiresAt ?? null),
    tlsIssuer: certificate ? (result.tlsIssuer ?? null) : (tracking.tlsIssuer ?? null),
  };
}

function onFailure(tracking: ServiceTracking, result: CheckResult, options: EvaluateOptions, at: Date): Evaluation {
  const failureStreak = tracking.failureStreak + 1;
  const runStart = tracking.failureRunStartedAt ?? result.startedAt;
  const counted: ServiceTracking = { ...tracking, failureStreak, successStreak: 0, failureRunStartedAt: runStart };
  if (tracking.state === 'down') return { tracking: counted, event: null, recheck: false };
  if (failureStreak < options.failuresBeforeDown) {
    return { tracking: withState(counted, 'degraded', at), event: null, recheck: true };
  }
  return {
    tracking: { ...counted, state: 'down', since: runStart },
    event: { type: 'confirmed_down', startedAt: runStart, outcome: result.outcome },
    recheck: false,
  };
}

function onAnswer(tracking: ServiceTracking, slow: boolean, options: EvaluateOptions, at: Date): Evaluation {
  const successStreak = tracking.successStreak + 1;
  const counted: ServiceTracking = { ...tracking, successStreak, failureStreak: 0, failureRunStartedAt: null };
  const confirmed = successStreak >= options.successesBeforeUp;
  const answered: ServiceState = slow ? 'degraded' : 'operational';
  if (tracking.state === 'down') {
    const after = options.inMaintenance ? 'maintenance' : answered;
    if (!confirmed) return { tracking: counted, event: null, recheck: true };
    return {
      tracking: withState(counted, after, at),
      event: { type: 'confirmed_up', at },
      recheck: false,
    };
  }
  // Hysteresis out of `degraded` too: intermittent failures keep the service degraded until it
  // has answered `successesBeforeUp` times in a row.
  const next = tracking.state === 'degraded' && !confirmed ? 'degraded' : answered;
  return { tracking: withState(counted, next, at), event: null, recheck: false };
}

function withState(tracking: ServiceTracking, state: ServiceState, at: Date): ServiceTracking {
  return tracking.state === state ? tracking : { ...tracking, state, since: at };
}
