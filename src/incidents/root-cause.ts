import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import type { ProbeHeartbeat, UpstreamFacts } from '../domain/records.ts';
import { locationReadings } from '../status/location-votes.ts';
import { quorumVerdict } from '../status/quorum.ts';

/**
 * Whether a dependent's outage belongs to one of its upstreams (OneUptime's rule for dependent
 * alerts: suppress the creation, never the monitoring). Pure.
 *
 * - `join`: an upstream's automatic incident is open: the dependent is listed in it and opens none.
 * - `wait`: an upstream is failing but has not confirmed yet, and the dependent's outage is recent
 *   enough for it to (its window: the upstream's interval times its failures to confirm, plus one,
 *   and at least a minute, for checks running late on a busy probe):
 *   both down within the same window make one root incident, whichever was confirmed first.
 * - `own`: no upstream explains it: the dependent's own incident, as any service's.
 */
const MIN_WINDOW_MS = 60_000;

export type RootDecision = { kind: 'join'; rootIncidentId: string } | { kind: 'wait' } | { kind: 'own' };

export function rootDecision(input: {
  upstreams: readonly ServiceConfig[];
  facts: readonly UpstreamFacts[];
  locations: readonly LocationConfig[];
  heartbeats: ProbeHeartbeat[];
  /** When the dependent's outage began (its witnesses' earliest failure). */
  outageStartedAt: Date;
  now: Date;
}): RootDecision {
  const nowMs = input.now.getTime();
  let wait = false;
  for (const upstream of input.upstreams) {
    const facts = input.facts.find((f) => f.serviceId === upstream.id);
    if (!facts) continue;
    if (facts.openIncident) return { kind: 'join', rootIncidentId: facts.openIncident.id };
    const readings = locationReadings(upstream, facts.trackings, { locations: input.locations, heartbeats: input.heartbeats, nowMs });
    const verdict = quorumVerdict(readings, upstream.detection.quorum);
    const failing = verdict.state === 'down' || facts.trackings.some((t) => t.failureStreak > 0);
    const windowMs = Math.max(MIN_WINDOW_MS, upstream.interval * (upstream.detection.failuresBeforeDown + 1) * 1000);
    if (failing && nowMs - input.outageStartedAt.getTime() <= windowMs) wait = true;
  }
  return wait ? { kind: 'wait' } : { kind: 'own' };
}
