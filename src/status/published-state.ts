import { IMPACT_STATE } from '../domain/incident-scope.ts';
import type { HoursStatus } from '../domain/service-hours.ts';
import type { Impact, PublishedState, ServiceState } from '../domain/vocabulary.ts';

/** Why a service shows `unknown`: said plainly, never shown as operational. */
export const UNKNOWN_REASONS = ['no_data', 'stale', 'probe_offline', 'not_checkable', 'store_unreachable'] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

/**
 * What the public sees for one service, decided once here and rendered by every surface (pages,
 * banner, day bars, feeds, API, badges), so none of them can disagree.
 *
 * 1. Planned time first: a maintenance window in progress, then closed hours.
 * 2. Otherwise the probe's verdict, when it is fresh and the probe trusts its own network;
 *    `unknown`, with the reason, when it is not.
 * 3. Then staff: when the impact declared in an open incident is worse than that, it is shown,
 *    marked as declared by staff; when the probe sees worse, the probe's state stays.
 */

/**
 * The probe side's say about a service. Today one location's tracking; a quorum over several
 * locations yields the same shape (its state, since when, and the newest check it rests on).
 */
export interface ProbeVerdict {
  state: ServiceState;
  /** When Vigie saw this state begin; null when it only found it (at its first check). */
  since: Date | null;
  /** The newest conclusive check behind the verdict; null when never checked. */
  checkedAt: Date | null;
  /** The probe may not or cannot judge this target (anti-bot wall, refused address). */
  notCheckable: boolean;
}

export interface PublishedStateInput {
  now: Date;
  verdict: ProbeVerdict | null;
  /** No location trusts its own network right now. */
  probeOffline: boolean;
  /** No probe was heard lately at all: data is missing, which says nothing of the probe's network. */
  probeSilent?: boolean;
  /** The verdict comes from the last rows read before the store stopped answering. */
  storeUnreachable: boolean;
  /** A verdict whose newest check is older than this is stale. */
  staleAfterMs: number;
  /** Start of the maintenance window in progress, if any. */
  maintenanceSince: Date | null;
  hours: HoursStatus;
  /** The worst impact staff declared in the open incidents affecting the service, and since when. */
  declared: { impact: Impact; since: Date } | null;
}

/** What every surface shows for a service. */
export interface Published {
  state: PublishedState;
  /** The state is the impact staff declared, worse than what the probe sees. */
  declaredByStaff: boolean;
  /** When the current state began; null when never checked or not known. */
  since: Date | null;
  unknownReason: UnknownReason | null;
  /** When a service closed as planned opens next. */
  opensAt: Date | null;
  /** Not in planned time (maintenance, closed hours): the probe is expected to watch it now. */
  watched: boolean;
}

/**
 * Severity, for "worse than" and for the banner's colour: planned states and "cannot tell" rank
 * below any declared trouble; not knowing ranks above a planned pause.
 */
export const PUBLISHED_RANK: Record<PublishedState, number> = {
  operational: 0,
  closed: 1,
  maintenance: 2,
  unknown: 3,
  degraded: 4,
  partial: 5,
  down: 6,
};

export function publishedState(input: PublishedStateInput): Published {
  const base = beforeStaff(input);
  const declared = input.declared;
  if (declared && PUBLISHED_RANK[IMPACT_STATE[declared.impact]] > PUBLISHED_RANK[base.state]) {
    return {
      ...base,
      state: IMPACT_STATE[declared.impact],
      declaredByStaff: true,
      since: declared.since,
      unknownReason: null,
      opensAt: null,
    };
  }
  return base;
}

function beforeStaff(input: PublishedStateInput): Published {
  const shown = (state: PublishedState, since: Date | null, extra: Partial<Published> = {}): Published => ({
    state,
    declaredByStaff: false,
    since,
    unknownReason: null,
    opensAt: null,
    watched: true,
    ...extra,
  });
  if (input.maintenanceSince) return shown('maintenance', input.maintenanceSince, { watched: false });
  if (!input.hours.open) return shown('closed', null, { opensAt: input.hours.opensAt, watched: false });
  const verdict = input.verdict;
  const unknown = (reason: UnknownReason, since: Date | null) => shown('unknown', since, { unknownReason: reason });
  if (!verdict || verdict.checkedAt === null) return unknown('no_data', null);
  // Old rows read before the store went away say nothing about the probe: the store is the cause.
  const because = (reason: UnknownReason): UnknownReason => (input.storeUnreachable ? 'store_unreachable' : reason);
  if (input.probeOffline) return unknown(because(input.probeSilent ? 'stale' : 'probe_offline'), verdict.checkedAt);
  if (input.now.getTime() - verdict.checkedAt.getTime() > input.staleAfterMs) return unknown(because('stale'), verdict.checkedAt);
  if (verdict.state === 'unknown') return unknown(verdict.notCheckable ? 'not_checkable' : 'no_data', verdict.since);
  // The probe still says maintenance from a window or closed hours that just ended: nothing was
  // checked since, so we cannot say it works yet.
  if (verdict.state === 'maintenance') return unknown('stale', verdict.checkedAt);
  return shown(verdict.state, verdict.since);
}

/** The worse of two published states. */
export function worsePublished(a: PublishedState, b: PublishedState): PublishedState {
  return PUBLISHED_RANK[b] > PUBLISHED_RANK[a] ? b : a;
}
