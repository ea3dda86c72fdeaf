import type { Catalogue } from '../config/services-schema.ts';
import type { Incident, Maintenance } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { latencyRangeStart, latencySeries } from './latency.ts';
import { addParisDays, parisDayKey, parisDayStartOfKey } from '../domain/paris-time.ts';
import { createSettledRollups, type SettledRollups } from './settled-rollups.ts';
import { buildSnapshot } from './snapshot.ts';
import { createSnapshotRows, type SnapshotRowsReader } from './snapshot-rows.ts';
import { dayBars } from './uptime.ts';
import { LATENCY_RANGES, type DayBar, type LatencyPoint, type LatencyRange, type StatusSnapshot } from './views.ts';

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
function rollupsOf(store: Store): SettledRollups {
  let reader = settledByStore.get(store);
  if (!reader) {
    reader = createSettledRollups(store);
    settledByStore.set(store, reader);
  }
  return reader;
}

export async function loadSnapshot(ctx: ReadContext, now: Date): Promise<StatusSnapshot> {
  const rows = await snapshotRowsOf(ctx.store).read(now);
  return buildSnapshot({ catalogue: ctx.catalogue, ...rows, now, storeUnreachableSince: ctx.storeUnreachableSince?.() ?? null });
}

/** First instant of the oldest day of a `days`-long bar ending today (Paris). */
export function barsStart(now: Date, days: number): Date {
  return parisDayStartOfKey(addParisDays(parisDayKey(now), -(days - 1)));
}

export async function loadServiceHistory(
  ctx: ReadContext,
  serviceId: string,
  now: Date,
): Promise<{ bars: DayBar[]; latency: Record<LatencyRange, LatencyPoint[]>; incidents: Incident[] }> {
  const [daily, hourly, incidents] = await Promise.all([
    rollupsOf(ctx.store).list({ granularity: 'day', from: barsStart(now, UPTIME_DAYS), now, serviceId }),
    rollupsOf(ctx.store).list({ granularity: 'hour', from: latencyRangeStart('30d', now), now, serviceId }),
    ctx.store.listIncidents({ state: 'all', serviceId, limit: SERVICE_INCIDENTS_LIMIT }),
  ]);
  const latency = Object.fromEntries(
    LATENCY_RANGES.map((range) => [range, latencySeries(hourly, { range, now })]),
  ) as Record<LatencyRange, LatencyPoint[]>;
  return { bars: dayBars(daily, { days: UPTIME_DAYS, now }), latency, incidents: incidents.items };
}

/** 90-day bars of every catalogue service, from a single rollup query. */
export async function loadOverviewBars(ctx: ReadContext, now: Date): Promise<Map<string, DayBar[]>> {
  const daily = await rollupsOf(ctx.store).list({ granularity: 'day', from: barsStart(now, UPTIME_DAYS), now });
  const byService = new Map<string, typeof daily>();
  for (const rollup of daily) {
    const list = byService.get(rollup.serviceId);
    if (list) list.push(rollup);
    else byService.set(rollup.serviceId, [rollup]);
  }
  return new Map(
    ctx.catalogue.services.map((s) => [s.id, dayBars(byService.get(s.id) ?? [], { days: UPTIME_DAYS, now })]),
  );
}

/** Maintenance that ended within the uptime window, newest first (cancelled windows left out). */
export async function loadPastMaintenances(ctx: ReadContext, now: Date): Promise<Maintenance[]> {
  const since = new Date(now.getTime() - UPTIME_DAYS * 86_400_000);
  const windows = await ctx.store.listMaintenances({ endsAfter: since, startsBefore: now, limit: MAINTENANCE_LIMIT });
  return windows.filter((m) => m.endsAt <= now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
}
