import type { Catalogue, ServiceConfig } from '../config/services-schema.ts';
import type { DeadlineExtension } from '../domain/guidance.ts';
import { affects, IMPACT_RANK, impactOn } from '../domain/incident-scope.ts';
import { hoursStatus } from '../domain/service-hours.ts';
import type { Impact } from '../domain/vocabulary.ts';
import type { OwnPageReading, ProbeHeartbeat, ServiceTracking, UpstreamReading } from '../domain/records.ts';
import { ownPageReading } from './own-page-reading.ts';
import type { Incident, Maintenance } from '../domain/incident-records.ts';
import { upstreamsDown } from './dependencies.ts';
import { withShownWords } from '../i18n/probe-words.ts';
import { locationLiveness } from './location-liveness.ts';
import { nameOf, serviceNames, type ServiceNames } from './service-names.ts';
import { locationReadings, STALE_INTERVALS, type LocationReading } from './location-votes.ts';
import { overallOf } from './overall.ts';
import { publishedState, type ProbeVerdict } from './published-state.ts';
import { quorumVerdict, type QuorumVerdict } from './quorum.ts';
import type { CategoryView, ServiceStatusView, StatusSnapshot } from './views.ts';

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
  /** Deadline extensions staff published; absent: none. */
  deadlineExtensions?: DeadlineExtension[];
  /** What services' own status pages said, read besides Vigie's checks; absent: none. */
  upstreamReadings?: UpstreamReading[];
}

/** What the public sees now: each service's published state, and the page around them. */
export function buildSnapshot(input: SnapshotInput): StatusSnapshot {
  const { catalogue, now } = input;
  const nowMs = now.getTime();
  const lastProbeAt = newest(input.heartbeats.map((h) => h.at));
  const probeOffline = isProbeOffline(input.heartbeats, nowMs);
  const probeSilent = ![...locationLiveness(input.heartbeats, nowMs).values()].some((l) => l.fresh);
  const live = input.maintenances.filter((m) => m.cancelledAt === null && m.endsAt.getTime() > nowMs);
  const activeMaintenances = live.filter((m) => m.startsAt.getTime() <= nowMs).sort(byStart);
  const upcomingMaintenances = live.filter((m) => m.startsAt.getTime() > nowMs).sort(byStart);
  const trackings = groupByService(input.trackings);
  const ownPages = new Map((input.upstreamReadings ?? []).map((r) => [r.serviceId, r]));

  const own = catalogue.services.map((service) =>
    serviceView(service, {
      readings: locationReadings(service, trackings.get(service.id) ?? [], {
        locations: catalogue.locations,
        heartbeats: input.heartbeats,
        nowMs,
      }),
      maintenances: activeMaintenances.filter((m) => m.serviceIds.includes(service.id)),
      incidents: input.openIncidents.filter((i) => affects(i, service.id)),
      probeOffline,
      probeSilent,
      storeUnreachable: Boolean(input.storeUnreachableSince),
      extensions: (input.deadlineExtensions ?? []).filter((e) => e.serviceId === service.id),
      ownPage: service.upstream ? ownPageReading(ownPages.get(service.id), service.interval, now) : undefined,
      now,
    }),
  );
  const down = upstreamsDown(own.map((view, i) => ({ ...view, dependsOn: catalogue.services[i]?.dependsOn })));
  const services = own.map((view) => ({ ...view, upstreamsDown: down.get(view.id) ?? [] }));
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
    overall: overallOf(services, probeOffline, probeOffline && !probeSilent),
    categories,
    services,
    openIncidents: withWords(input.openIncidents, serviceNames(catalogue)),
    activeMaintenances,
    upcomingMaintenances,
  };
}

/** Incidents with their shown words: the probe's facts worded from today's dictionaries. */
export function withWords(incidents: Incident[], names: ServiceNames): Incident[] {
  return incidents.map((i) => withShownWords(i, nameOf(names, i.serviceId ?? '')));
}

/** Offline unless some probe location trusts its network (one of its processes alive and reaching its canaries). */
export function isProbeOffline(heartbeats: ProbeHeartbeat[], nowMs: number): boolean {
  return ![...locationLiveness(heartbeats, nowMs).values()].some((l) => l.trusted);
}

interface ServiceFacts {
  readings: LocationReading[];
  maintenances: Maintenance[];
  incidents: Incident[];
  probeOffline: boolean;
  probeSilent: boolean;
  storeUnreachable: boolean;
  extensions: DeadlineExtension[];
  ownPage: OwnPageReading | undefined;
  now: Date;
}

/**
 * The probe verdict of the locations (see `quorumVerdict`), then what overrides it: a maintenance
 * window, no data, a probe that does not trust itself, stale data.
 */
function serviceView(service: ServiceConfig, facts: ServiceFacts): Omit<ServiceStatusView, 'upstreamsDown'> {
  const verdict = quorumVerdict(facts.readings, service.detection.quorum);
  const voters = facts.readings.filter((r) => verdict.voters.includes(r.location));
  // The freshest voter speaks for the service's last check; without voters, the freshest reading.
  const t = freshest(voters.length > 0 ? voters : facts.readings);
  const published = publishedState({
    now: facts.now,
    verdict: t ? probeVerdictOf(verdict, voters, t) : null,
    probeOffline: facts.probeOffline,
    probeSilent: facts.probeSilent,
    storeUnreachable: facts.storeUnreachable,
    staleAfterMs: STALE_INTERVALS * service.interval * 1000,
    maintenanceSince: facts.maintenances[0]?.startsAt ?? null,
    hours: hoursStatus(service.hours, facts.now),
    declared: declaredImpact(facts.incidents, service.id),
  });
  return {
    id: service.id,
    name: service.name,
    ...(service.gloss ? { gloss: service.gloss } : {}),
    description: service.description,
    category: service.category,
    url: service.url,
    interval: service.interval,
    source: service.check?.kind === 'statuspage' ? 'own_page' : 'probe',
    ...published,
    lastCheckedAt: t?.lastCheckedAt ?? null,
    lastOutcome: t?.lastOutcome ?? null,
    lastStep: t?.lastStep ?? null,
    latencyMs: t?.latencyMs ?? null,
    maintenanceIds: facts.maintenances.map((m) => m.id),
    incidentIds: facts.incidents.map((i) => i.id),
    // "Unreachable from …" explains a degraded state the locations decided, not one staff declared.
    regional: published.state === 'degraded' && !published.declaredByStaff ? verdict.regional : null,
    locations: facts.readings,
    extensions: facts.extensions,
    ...(facts.ownPage ? { ownPage: facts.ownPage } : {}),
  };
}

/** The locations' quorum as the probe side's say, resting on the freshest voter's check. */
function probeVerdictOf(verdict: QuorumVerdict, voters: LocationReading[], t: LocationReading): ProbeVerdict {
  const since = sinceOf(voters, verdict.state, verdict.downAt);
  return {
    state: verdict.state,
    since: since && seenToBegin(voters, since) ? since : null,
    checkedAt: t.lastCheckedAt,
    notCheckable: t.lastOutcome === 'unsafe_target' || t.lastOutcome === 'blocked',
  };
}

/**
 * The worst impact people declared: staff incidents, and automatic ones staff took over. An
 * automatic incident nobody took over repeats the probe's own finding, which the verdict carries.
 */
export function declaredImpact(incidents: Incident[], serviceId: string): { impact: Impact; since: Date } | null {
  let worst: { impact: Impact; since: Date } | null = null;
  for (const incident of incidents) {
    if (incident.status === 'resolved') continue;
    const a = impactOn(incident, serviceId);
    if (a?.declaredBy === 'staff') {
      const worse = !worst || IMPACT_RANK[a.impact] > IMPACT_RANK[worst.impact];
      const sameButEarlier = worst !== null && a.impact === worst.impact && incident.startedAt < worst.since;
      if (worse || sameButEarlier) worst = { impact: a.impact, since: incident.startedAt };
    }
  }
  return worst;
}

/**
 * Whether Vigie saw the state begin: a voter whose state started at `since` had checked the
 * service before. A state that started at a location's first check was only found there, and
 * "operational since 7:37" would read as if the service had been down until then.
 */
function seenToBegin(voters: LocationReading[], since: Date): boolean {
  return voters.some((v) => v.since?.getTime() === since.getTime() && (v.firstCheckedAt === null || v.since > v.firstCheckedAt));
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
