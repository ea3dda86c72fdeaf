import type { Catalogue, ServiceConfig } from '../config/services-schema.ts';
import type { Incident, Maintenance, ProbeHeartbeat, ServiceTracking } from '../store/records.ts';
import { HEARTBEAT_FRESH_MS, locationReadings, type LocationReading } from './location-votes.ts';
import { overallOf } from './overall.ts';
import { quorumVerdict } from './quorum.ts';
import type { CategoryView, ServiceStatusView, StatusSnapshot, UnknownReason } from './views.ts';

export interface SnapshotInput {
  catalogue: Catalogue;
  trackings: ServiceTracking[];
  heartbeats: ProbeHeartbeat[];
  openIncidents: Incident[];
  maintenances: Maintenance[];
  dataVersion: number;
  now: Date;
  /** Set when these rows are the last ones read before the store stopped answering. */
  storeUnreachableSince?: Date | null;
}

/**
 * What the public sees now. A service is shown as the probe decided only when that decision is
 * fresh and the probe trusts its own network; otherwise it is `unknown`, with the reason.
 */
export function buildSnapshot(input: SnapshotInput): StatusSnapshot {
  const { catalogue, now } = input;
  const nowMs = now.getTime();
  const lastProbeAt = newest(input.heartbeats.map((h) => h.at));
  const probeOffline = isProbeOffline(input.heartbeats, nowMs);
  const live = input.maintenances.filter((m) => m.cancelledAt === null && m.endsAt.getTime() > nowMs);
  const activeMaintenances = live.filter((m) => m.startsAt.getTime() <= nowMs).sort(byStart);
  const upcomingMaintenances = live.filter((m) => m.startsAt.getTime() > nowMs).sort(byStart);
  const trackings = groupByService(input.trackings);

  const services = catalogue.services.map((service) =>
    serviceView(service, {
      readings: locationReadings(service, trackings.get(service.id) ?? [], { locations: catalogue.locations, heartbeats: input.heartbeats, nowMs }),
      maintenances: activeMaintenances.filter((m) => m.serviceIds.includes(service.id)),
      incidentIds: input.openIncidents.filter((i) => affects(i, service.id)).map((i) => i.id),
      probeOffline,
      storeUnreachable: Boolean(input.storeUnreachableSince),
      nowMs,
    }),
  );
  const categories: CategoryView[] = catalogue.categories.map((category) => ({
    id: category.id,
    name: category.name,
    services: services.filter((s) => s.category === category.id),
  }));

  return {
    generatedAt: now,
    dataVersion: input.dataVersion,
    lastProbeAt,
    probeOffline,
    storeUnreachableSince: input.storeUnreachableSince ?? null,
    overall: overallOf(services, input.openIncidents, probeOffline),
    categories,
    services,
    openIncidents: input.openIncidents,
    activeMaintenances,
    upcomingMaintenances,
  };
}

/** Offline unless some probe location sent a heartbeat recently and can reach its canaries. */
export function isProbeOffline(heartbeats: ProbeHeartbeat[], nowMs: number): boolean {
  return !heartbeats.some((h) => h.canariesHealthy && nowMs - h.at.getTime() <= HEARTBEAT_FRESH_MS);
}

export function affects(incident: Incident, serviceId: string): boolean {
  return incident.serviceId === serviceId || incident.affected.some((a) => a.serviceId === serviceId);
}

interface ServiceFacts {
  readings: LocationReading[];
  maintenances: Maintenance[];
  incidentIds: string[];
  probeOffline: boolean;
  storeUnreachable: boolean;
  nowMs: number;
}

/**
 * The probe verdict of the locations (see `quorumVerdict`), then what overrides it: a maintenance
 * window, no data, a probe that does not trust itself, stale data.
 */
function serviceView(service: ServiceConfig, facts: ServiceFacts): ServiceStatusView {
  const verdict = quorumVerdict(facts.readings, service.detection.quorum);
  const voters = facts.readings.filter((r) => verdict.voters.includes(r.location));
  // The freshest voter speaks for the service's last check; without voters, the freshest reading.
  const t = freshest(voters.length > 0 ? voters : facts.readings);
  const base: ServiceStatusView = {
    id: service.id,
    name: service.name,
    ...(service.gloss ? { gloss: service.gloss } : {}),
    description: service.description,
    category: service.category,
    url: service.url,
    interval: service.interval,
    state: 'unknown',
    since: null,
    unknownReason: null,
    lastCheckedAt: t?.lastCheckedAt ?? null,
    lastOutcome: t?.lastOutcome ?? null,
    latencyMs: t?.latencyMs ?? null,
    maintenanceIds: facts.maintenances.map((m) => m.id),
    incidentIds: facts.incidentIds,
    regional: null,
    locations: facts.readings,
  };
  const [maintenance] = facts.maintenances;
  if (maintenance) return { ...base, state: 'maintenance', since: maintenance.startsAt };
  if (!t || t.lastCheckedAt === null) return { ...base, unknownReason: 'no_data' };
  // Old rows read before the store went away say nothing about the probe: the store is the cause.
  const staleBecause = (reason: UnknownReason) => (facts.storeUnreachable ? 'store_unreachable' : reason);
  if (facts.probeOffline) return { ...base, unknownReason: staleBecause('probe_offline'), since: t.lastCheckedAt };
  if (verdict.state === 'unknown') {
    const { unknownReason } = unknownOf(facts.readings, t);
    return { ...base, unknownReason: unknownReason === 'not_checkable' || unknownReason === 'no_data' ? unknownReason : staleBecause(unknownReason), since: t.lastCheckedAt };
  }
  const since = sinceOf(voters, verdict.state, verdict.downAt);
  return { ...base, state: verdict.state, since, regional: verdict.regional };
}

/** Why nobody votes: every location's data is stale, or the probe met nothing it could judge. */
function unknownOf(readings: LocationReading[], t: LocationReading): { unknownReason: UnknownReason } {
  if (readings.some((r) => r.silentReason === 'stale')) return { unknownReason: 'stale' };
  if (readings.some((r) => r.silentReason === 'probe_offline')) return { unknownReason: 'probe_offline' };
  return { unknownReason: t.lastOutcome === 'unsafe_target' || t.lastOutcome === 'blocked' ? 'not_checkable' : 'no_data' };
}

/** Since when the verdict holds: the earliest witness of an outage, else the latest change among voters in that state. */
function sinceOf(voters: LocationReading[], state: ServiceTracking['state'], downAt: string[]): Date | null {
  const down = voters.filter((v) => downAt.includes(v.location) && v.since);
  if (state === 'down' && down.length > 0) return new Date(Math.min(...down.map((v) => v.since!.getTime())));
  const same = voters.filter((v) => v.state === state && v.since);
  if (same.length === 0) return freshest(voters)?.lastCheckedAt ?? null;
  return new Date(Math.max(...same.map((v) => v.since!.getTime())));
}

function freshest(readings: LocationReading[]): LocationReading | undefined {
  let best: LocationReading | undefined;
  for (const r of readings) {
    if (r.lastCheckedAt && (!best?.lastCheckedAt || r.lastCheckedAt.getTime() > best.lastCheckedAt.getTime())) best = r;
  }
  return best;
}

function groupByService(trackings: ServiceTracking[]): Map<string, ServiceTracking[]> {
  const byService = new Map<string, ServiceTracking[]>();
  for (const t of trackings) {
    const list = byService.get(t.serviceId);
    if (list) list.push(t);
    else byService.set(t.serviceId, [t]);
  }
  return byService;
}

function newest(dates: Date[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (!best || d.getTime() > best.getTime()) best = d;
  return best;
}

function byStart(a: Maintenance, b: Maintenance): number {
  return a.startsAt.getTime() - b.startsAt.getTime();
}
