import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import type { CheckOutcome, Localized, ServiceState } from '../domain/vocabulary.ts';
import type { ProbeHeartbeat, ServiceTracking } from '../domain/records.ts';
import type { LocationVote } from './quorum.ts';

/** A probe silent for longer than this is offline as far as the page is concerned. */
export const HEARTBEAT_FRESH_MS = 3 * 60_000;
/** Data older than this many of the service's intervals is stale, shown as unknown. */
export const STALE_INTERVALS = 3;

/** Why a location's word does not count for a service right now. */
export const SILENT_REASONS = ['probe_offline', 'stale', 'no_data'] as const;
export type SilentReason = (typeof SILENT_REASONS)[number];

/** One location's reading of one service: its vote, and what the service page shows of it. */
export interface LocationReading extends LocationVote {
  /** Null when the catalogue lists no locations (one probe, no location wording). */
  name: Localized | null;
  /** The location's own confirmed state, fresh or not. */
  ownState: ServiceState;
  since: Date | null;
  lastCheckedAt: Date | null;
  lastOutcome: CheckOutcome | null;
  latencyMs: number | null;
  /** Null while the location votes. */
  silentReason: SilentReason | null;
}

export interface VoteContext {
  /** The catalogue's locations; empty means "whichever location the probe calls itself". */
  locations: readonly LocationConfig[];
  heartbeats: readonly ProbeHeartbeat[];
  nowMs: number;
}

/** A location trusts its network when it sent a heartbeat lately and its canaries answered. */
export function locationTrusted(heartbeat: ProbeHeartbeat | undefined, nowMs: number): boolean {
  return heartbeat !== undefined && heartbeat.canariesHealthy && nowMs - heartbeat.at.getTime() <= HEARTBEAT_FRESH_MS;
}

/**
 * Every location's reading of `service`, from that service's trackings. With catalogue locations,
 * only those count (in catalogue order, an absent one as "no data"); without, every location
 * that left a tracking does, all taken as being in France.
 */
export function locationReadings(service: ServiceConfig, trackings: readonly ServiceTracking[], ctx: VoteContext): LocationReading[] {
  const byLocation = new Map(trackings.filter((t) => t.serviceId === service.id).map((t) => [t.location, t]));
  const places =
    ctx.locations.length > 0
      ? ctx.locations.map((l) => ({ id: l.id, name: l.name, abroad: l.country !== 'FR' }))
      : [...byLocation.keys()].map((id) => ({ id, name: null, abroad: false }));
  return places.map((place) => {
    const t = byLocation.get(place.id);
    const heartbeat = ctx.heartbeats.find((h) => h.location === place.id);
    const silentReason = silenceOf(service, t, locationTrusted(heartbeat, ctx.nowMs), ctx.nowMs);
    return {
      location: place.id,
      name: place.name,
      abroad: place.abroad,
      state: silentReason === null && t ? t.state : 'unknown',
      voting: silentReason === null,
      ownState: t?.state ?? 'unknown',
      since: t?.since ?? null,
      lastCheckedAt: t?.lastCheckedAt ?? null,
      lastOutcome: t?.lastOutcome ?? null,
      latencyMs: t?.latencyMs ?? null,
      silentReason,
    };
  });
}

function silenceOf(service: ServiceConfig, t: ServiceTracking | undefined, trusted: boolean, nowMs: number): SilentReason | null {
  if (!trusted) return 'probe_offline';
  if (!t || t.lastCheckedAt === null) return 'no_data';
  if (nowMs - t.lastCheckedAt.getTime() > STALE_INTERVALS * service.interval * 1000) return 'stale';
  return null;
}
