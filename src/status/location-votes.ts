import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import type { CheckOutcome, Localized, ServiceState } from '../domain/vocabulary.ts';
import type { ProbeHeartbeat, ServiceTracking } from '../domain/records.ts';
import { locationLiveness, type LocationLiveness } from './location-liveness.ts';
import type { LocationVote } from './quorum.ts';

/** Data older than this many of the service's intervals is stale, shown as unknown. */
export const STALE_INTERVALS = 3;
/**
 * A check dated this far after the reader's now was dated by a clock running ahead: it cannot be
 * told fresh (it would stay "fresh" for as long as the clock is ahead), so it counts as stale, and
 * no page shows a check time later than now. Probe processes off the store's clock by more than
 * a few seconds hold no lease (`src/probe/lease-keeper.ts`); this is the readers' side of it.
 */
export const FUTURE_TOLERANCE_MS = 5_000;

/** Why a location's word does not count for a service right now. */
export const SILENT_REASONS = ['probe_silent', 'probe_offline', 'stale', 'no_data'] as const;
export type SilentReason = (typeof SILENT_REASONS)[number];

/** One location's reading of one service: its vote, and what the service page shows of it. */
export interface LocationReading extends LocationVote {
  /** Null when the catalogue lists no locations (one probe, no location wording). */
  name: Localized | null;
  /** The location's own confirmed state, fresh or not. */
  ownState: ServiceState;
  since: Date | null;
  /** This location's first check of the service (null on rows written before it was kept). */
  firstCheckedAt: Date | null;
  lastCheckedAt: Date | null;
  lastOutcome: CheckOutcome | null;
  /** The journey step the last check failed at (1-based), or null. */
  lastStep: number | null;
  latencyMs: number | null;
  /** Null while the location votes. */
  silentReason: SilentReason | null;
  /** Probe processes heard from there lately. */
  processesAlive: number;
}

export interface VoteContext {
  /** The catalogue's locations; empty means "whichever location the probe calls itself". */
  locations: readonly LocationConfig[];
  /** One per probe process; a location's are read together (`locationLiveness`). */
  heartbeats: readonly ProbeHeartbeat[];
  nowMs: number;
}

/**
 * Every location's reading of `service`, from that service's trackings. With catalogue locations,
 * only those count (in catalogue order, an absent one as "no data"); without, every location
 * that left a tracking does, all taken as being in France.
 */
export function locationReadings(service: ServiceConfig, trackings: readonly ServiceTracking[], ctx: VoteContext): LocationReading[] {
  const byLocation = new Map(trackings.filter((t) => t.serviceId === service.id).map((t) => [t.location, t]));
  const liveness = locationLiveness(ctx.heartbeats, ctx.nowMs);
  const places =
    ctx.locations.length > 0
      ? ctx.locations.map((l) => ({ id: l.id, name: l.name, abroad: l.country !== 'FR' }))
      : [...byLocation.keys()].map((id) => ({ id, name: null, abroad: false }));
  return places.map((place) => {
    const t = byLocation.get(place.id);
    const live = liveness.get(place.id);
    const silentReason = silenceOf(service, t, live, ctx.nowMs);
    return {
      location: place.id,
      name: place.name,
      abroad: place.abroad,
      state: silentReason === null && t ? t.state : 'unknown',
      voting: silentReason === null,
      ownState: t?.state ?? 'unknown',
      since: t?.since ?? null,
      firstCheckedAt: t?.firstCheckedAt ?? null,
      lastCheckedAt: t?.lastCheckedAt ? new Date(Math.min(t.lastCheckedAt.getTime(), ctx.nowMs)) : null,
      lastOutcome: t?.lastOutcome ?? null,
      lastStep: t?.lastStep ?? null,
      latencyMs: t?.latencyMs ?? null,
      silentReason,
      processesAlive: live?.alive ?? 0,
    };
  });
}

function silenceOf(
  service: ServiceConfig,
  t: ServiceTracking | undefined,
  live: LocationLiveness | undefined,
  nowMs: number,
): SilentReason | null {
  if (!live?.fresh) return 'probe_silent';
  if (!live.trusted) return 'probe_offline';
  if (!t || t.lastCheckedAt === null) return 'no_data';
  const age = nowMs - t.lastCheckedAt.getTime();
  if (age > STALE_INTERVALS * service.interval * 1000 || age < -FUTURE_TOLERANCE_MS) return 'stale';
  return null;
}
