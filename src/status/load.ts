import type { Catalogue } from '../config/services-schema.ts';
import type { ProbeHeartbeat } from '../domain/records.ts';
import type { Incident, Maintenance } from '../domain/incident-records.ts';
import type { Store } from '../store/store.ts';
import { latencyRangeStart, latencySeries } from './latency.ts';
import { addParisDays, parisDayKey, parisDayStartOfKey } from '../domain/paris-time.ts';
import { checkReachMs, createSettledRollups, type SettledRollups } from './settled-rollups.ts';
import { serviceNames } from './service-names.ts';
import { buildSnapshot, withWords } from './snapshot.ts';
import { createSnapshotRows, type SnapshotRows, type SnapshotRowsReader } from './snapshot-rows.ts';
import { uptimeHistory, withPublishedToday, type UptimeHistory } from './uptime.ts';
import { LATENCY_RANGES, type LatencyPoint, type LatencyRange, type ServiceStatusView, type StatusSnapshot } from './views.ts';

/**
 * The read model's I/O edge: a bounded number of queries per page, reading current rows and
 * rollups only, so a page costs the same after a year of history as after a day.
 */
export interface ReadContext {
  store: Store;
  catalogue: Catalogue;
  /** Since when the store has not answered (its last reads are being rendered); absent or null when it answers. */
  storeUnreachableSince?: () => Date | null;
}

export const UPTIME_DAYS = 90;
const MAINTENANCE_LIMIT = 200;
/** Well under the cached page's own 15 s: "checked 40 s ago" stays about right. */
const SNAPSHOT_ROWS_MAX_AGE_MS = 5_000;
const SERVICE_INCIDENTS_LIMIT = 50;
/** Past incidents and maintenance listed by feeds, the API and the staff dashboard. */
export const HISTORY_LIMIT = 50;
const DAY_MS = 86_400_000;

// Readers per store, held as long as the store is: the store is passed in, never imported.
const settledByStore = new WeakMap<Store, SettledRollups>();
const rowsByStore = new WeakMap<Store, SnapshotRowsReader>();
function snapshotRowsOf(store: Store): SnapshotRowsReader {
  let reader = rowsByStore.get(store);
  if (!reader) {
    reader = createSnapshotRows(store, { maxAgeMs: SNAPSHOT_ROWS_MAX_AGE_MS });
    rowsByStore.set(store, reader);
  }
  return reader;
}
function rollupsOf(ctx: ReadContext): SettledRollups {
  let reader = settledByStore.get(ctx.store);
  if (!reader) {
    reader = createSettledRollups(ctx.store, checkReachMs(ctx.catalogue.services));
    settledByStore.set(ctx.store, reader);
  }
  return reader;
}

/** Within this time of each other, renders of the same rows share one snapshot. */
const SNAPSHOT_REUSE_MS = 1_000;
const builtFrom = new WeakMap<SnapshotRows, { snapshot: StatusSnapshot; catalogue: Catalogue; unreachable: number | null }>();

/**
 * The snapshot of every service. Building it is linear in the catalogue and every page needs it:
 * pages of one service rendered one after another (thousands for the static copy) share it for a
 * second rather than each building it again, which made a whole publication quadratic.
 */
export async function loadSnapshot(ctx: ReadContext, hostNow: Date): Promise<StatusSnapshot> {
  const rows = await snapshotRowsOf(ctx.store).read(hostNow);
  // Judged by the store's clock, which dated the heartbeats and leases (see `SnapshotRows`).
  const now = new Date(hostNow.getTime() + rows.storeClockOffsetMs);
  const unreachable = ctx.storeUnreachableSince?.() ?? null;
  const built = builtFrom.get(rows);
  const age = now.getTime() - (built?.snapshot.generatedAt.getTime() ?? Number.NEGATIVE_INFINITY);
  if (
    built &&
    built.catalogue === ctx.catalogue &&
    built.unreachable === (unreachable?.getTime() ?? null) &&
    age >= 0 &&
    age < SNAPSHOT_REUSE_MS
  ) {
    return built.snapshot;
  }
  const snapshot = buildSnapshot({ catalogue: ctx.catalogue, ...rows, now, storeUnreachableSince: unreachable });
  builtFrom.set(rows, { snapshot, catalogue: ctx.catalogue, unreachable: unreachable?.getTime() ?? null });
  return snapshot;
}

/** What each probe wrote with its last heartbeat, read with the snapshot's rows. */
export async function loadProbeHeartbeats(ctx: ReadContext, now: Date): Promise<ProbeHeartbeat[]> {
  return (await snapshotRowsOf(ctx.store).read(now)).heartbeats;
}

/** First instant of the oldest day of a `days`-long bar ending today (Paris). */
export function barsStart(now: Date, days: number): Date {
  return parisDayStartOfKey(addParisDays(parisDayKey(now), -(days - 1)));
}

/** A service's bars (today's showing its published state), response times and incidents. */
export async function loadServiceHistory(
  ctx: ReadContext,
  service: Pick<ServiceStatusView, 'id' | 'state'>,
  now: Date,
): Promise<UptimeHistory & { latency: Record<LatencyRange, LatencyPoint[]>; incidents: Incident[] }> {
  const serviceId = service.id;
  const [daily, hourly, incidents] = await Promise.all([
    rollupsOf(ctx).list({ granularity: 'day', from: barsStart(now, UPTIME_DAYS + 1), now, serviceId }),
    rollupsOf(ctx).list({ granularity: 'hour', from: latencyRangeStart('30d', now), now, serviceId }),
    ctx.store.listIncidents({ state: 'all', serviceId, limit: SERVICE_INCIDENTS_LIMIT }),
  ]);
  const latency = Object.fromEntries(LATENCY_RANGES.map((range) => [range, latencySeries(hourly, { range, now })])) as Record<
    LatencyRange,
    LatencyPoint[]
  >;
  const history = uptimeHistory(daily, { days: UPTIME_DAYS, now });
  return {
    bars: withPublishedToday(history.bars, service.state),
    measuredSince: history.measuredSince,
    latency,
    incidents: shownIncidents(ctx, incidents.items),
  };
}

/** 90-day bars of every service of the snapshot (today's showing its published state), from one rollup query. */
export async function loadOverviewBars(
  ctx: ReadContext,
  snapshot: Pick<StatusSnapshot, 'services' | 'generatedAt'>,
): Promise<Map<string, UptimeHistory>> {
  const now = snapshot.generatedAt;
  const daily = await rollupsOf(ctx).list({ granularity: 'day', from: barsStart(now, UPTIME_DAYS + 1), now });
  const byService = new Map<string, typeof daily>();
  for (const rollup of daily) {
    const list = byService.get(rollup.serviceId);
    if (list) list.push(rollup);
    else byService.set(rollup.serviceId, [rollup]);
  }
  return new Map(
    snapshot.services.map((s) => {
      const history = uptimeHistory(byService.get(s.id) ?? [], { days: UPTIME_DAYS, now });
      return [s.id, { ...history, bars: withPublishedToday(history.bars, s.state) }];
    }),
  );
}

/** The newest incidents, open and resolved, of every service or of one. */
export async function loadIncidentHistory(ctx: ReadContext, options: { serviceId?: string } = {}): Promise<Incident[]> {
  const page = await ctx.store.listIncidents({ state: 'all', limit: HISTORY_LIMIT, ...options });
  return shownIncidents(ctx, page.items);
}

/** Past incidents a page at a time, newest first: one bounded query, whatever the history length. */
export const PAST_PER_PAGE = 20;

export async function loadPastIncidents(ctx: ReadContext, page: number): Promise<{ items: Incident[]; total: number; pages: number }> {
  const { items, total } = await ctx.store.listIncidents({
    state: 'resolved',
    limit: PAST_PER_PAGE,
    offset: (page - 1) * PAST_PER_PAGE,
  });
  return { items: shownIncidents(ctx, items), total, pages: Math.max(1, Math.ceil(total / PAST_PER_PAGE)) };
}

export async function loadIncident(ctx: ReadContext, id: string): Promise<Incident | null> {
  const incident = await ctx.store.getIncident(id);
  return incident ? shownIncidents(ctx, [incident])[0]! : null;
}

/** Incidents as read from the store, with the words of the probe's facts rendered (see `i18n/probe-words.ts`). */
function shownIncidents(ctx: ReadContext, incidents: Incident[]): Incident[] {
  return withWords(incidents, serviceNames(ctx.catalogue));
}

/**
 * Maintenance windows still running, planned, or ended within the uptime window, newest first;
 * feeds also want the cancelled ones, to publish the cancellation.
 */
export async function loadMaintenanceHistory(ctx: ReadContext, now: Date, options: { includeCancelled: boolean }): Promise<Maintenance[]> {
  const windows = await ctx.store.listMaintenances({
    endsAfter: new Date(now.getTime() - UPTIME_DAYS * DAY_MS),
    includeCancelled: options.includeCancelled,
    limit: MAINTENANCE_LIMIT,
  });
  return [...windows].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
}

/** Windows not yet over (running or planned, cancelled ones left out), soonest first: what staff manage. */
export async function loadPlannedMaintenances(ctx: ReadContext, now: Date): Promise<Maintenance[]> {
  const windows = await ctx.store.listMaintenances({ endsAfter: now, limit: MAINTENANCE_LIMIT });
  return [...windows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Maintenance that ended within the uptime window, newest first (cancelled windows left out). */
export async function loadPastMaintenances(ctx: ReadContext, now: Date): Promise<Maintenance[]> {
  const since = new Date(now.getTime() - UPTIME_DAYS * DAY_MS);
  const windows = await ctx.store.listMaintenances({ endsAfter: since, startsBefore: now, limit: MAINTENANCE_LIMIT });
  return windows.filter((m) => m.endsAt <= now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
}
