import type { Catalogue, ServiceConfig } from '../config/services-schema.ts';
import type { Incident, Maintenance, ProbeHeartbeat, ServiceTracking } from '../store/records.ts';
import { overallOf } from './overall.ts';
import type { CategoryView, ServiceStatusView, StatusSnapshot, UnknownReason } from './views.ts';

/** A probe silent for longer than this is offline as far as the page is concerned. */
export const HEARTBEAT_FRESH_MS = 3 * 60_000;
/** Data older than this many of the service's intervals is stale, shown as unknown. */
export const STALE_INTERVALS = 3;

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
  const trackings = new Map(input.trackings.map((t) => [t.serviceId, t]));

  const services = catalogue.services.map((service) =>
    serviceView(service, {
      tracking: trackings.get(service.id),
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
  tracking: ServiceTracking | undefined;
  maintenances: Maintenance[];
  incidentIds: string[];
  probeOffline: boolean;
  storeUnreachable: boolean;
  nowMs: number;
}

function serviceView(service: ServiceConfig, facts: ServiceFacts): ServiceStatusView {
  const t = facts.tracking;
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
  };
  const [maintenance] = facts.maintenances;
  if (maintenance) return { ...base, state: 'maintenance', since: maintenance.startsAt };
  if (!t || t.lastCheckedAt === null) return { ...base, unknownReason: 'no_data' };
  // Old rows read before the store went away say nothing about the probe: the store is the cause.
  const staleBecause = (reason: UnknownReason) => (facts.storeUnreachable ? 'store_unreachable' : reason);
  if (facts.probeOffline) return { ...base, unknownReason: staleBecause('probe_offline'), since: t.lastCheckedAt };
  if (facts.nowMs - t.lastCheckedAt.getTime() > STALE_INTERVALS * service.interval * 1000) {
    return { ...base, unknownReason: staleBecause('stale'), since: t.lastCheckedAt };
  }
  return { ...base, state: t.state, since: t.since, unknownReason: t.state === 'unknown' ? unknownFromProbe(t) : null };
}

/** The probe itself said unknown: a target it may not or cannot judge, or simply no usable answer. */
function unknownFromProbe(t: ServiceTracking): UnknownReason {
  return t.lastOutcome === 'unsafe_target' || t.lastOutcome === 'blocked' ? 'not_checkable' : 'no_data';
}

function newest(dates: Date[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (!best || d.getTime() > best.getTime()) best = d;
  return best;
}

function byStart(a: Maintenance, b: Maintenance): number {
  return a.startsAt.getTime() - b.startsAt.getTime();
}
