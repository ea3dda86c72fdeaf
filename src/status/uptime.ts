import type { PublishedState, ServiceState } from '../domain/vocabulary.ts';
import type { Rollup } from '../domain/records.ts';
import { lastParisDays, parisDayKey } from '../domain/paris-time.ts';
import { PUBLISHED_RANK, worsePublished } from './published-state.ts';
import type { DayBar } from './views.ts';

/**
 * Uptime bars from daily rollups. Up is operational + degraded time over monitored time;
 * maintenance is left out of both sides, and time without data (never checked, probe offline,
 * stale) counts neither as up nor down: a gap is shown as a gap, never as 100 %. The time is the
 * locations' quorum verdict (see `verdictWith`): down only when the quorum said down, so a
 * service reachable from France only is degraded, and up.
 */
export function dayBars(rollups: Rollup[], options: { days: number; now: Date }): DayBar[] {
  const calendar = lastParisDays(options.now, options.days);
  const keyByStart = new Map(calendar.map((d) => [d.start.getTime(), d.key]));
  const byDay = new Map<string, Rollup>();
  for (const rollup of rollups) {
    if (rollup.granularity !== 'day') continue;
    byDay.set(keyByStart.get(rollup.bucketStart.getTime()) ?? parisDayKey(rollup.bucketStart), rollup);
  }
  const nowMs = options.now.getTime();
  return calendar.map(({ key, start, end }) => {
    const elapsed = Math.max(0, (Math.min(end.getTime(), nowMs) - start.getTime()) / 1000);
    return barOf(key, start, elapsed, byDay.get(key)?.seconds ?? null);
  });
}

function barOf(day: string, start: Date, elapsedSeconds: number, seconds: Record<ServiceState, number> | null): DayBar {
  const operational = seconds?.operational ?? 0;
  const degraded = seconds?.degraded ?? 0;
  const down = seconds?.down ?? 0;
  const maintenance = seconds?.maintenance ?? 0;
  const monitored = operational + degraded + down;
  return {
    day,
    start,
    uptimePct: monitored > 0 ? ((operational + degraded) / monitored) * 100 : null,
    operationalSeconds: operational,
    downSeconds: down,
    degradedSeconds: degraded,
    maintenanceSeconds: maintenance,
    noDataSeconds: Math.max(0, Math.round(elapsedSeconds - monitored - maintenance)),
    level: worstLevel(operational, degraded, down, maintenance),
  };
}

function worstLevel(operational: number, degraded: number, down: number, maintenance: number): ServiceState {
  if (down > 0) return 'down';
  if (degraded > 0) return 'degraded';
  if (operational > 0) return 'operational';
  return maintenance > 0 ? 'maintenance' : 'unknown';
}

/**
 * The bars of the last `days` days, and the Paris day measurements began when it falls inside
 * them: a figure over a few minutes must not read as "over 90 days". One more day is read than
 * shown, so a history that started before the first bar is told apart from one that started on it.
 */
export function uptimeHistory(rollups: Rollup[], options: { days: number; now: Date }): UptimeHistory {
  const [before, ...bars] = dayBars(rollups, { days: options.days + 1, now: options.now });
  if (before && measured(before)) return { bars, measuredSince: null };
  return { bars, measuredSince: bars.find(measured)?.day ?? null };
}

export interface UptimeHistory {
  bars: DayBar[];
  /** YYYY-MM-DD of the first bar with data when measurements began inside the bars; null otherwise. */
  measuredSince: string | null;
}

function measured(bar: DayBar): boolean {
  return bar.operationalSeconds + bar.degradedSeconds + bar.downSeconds + bar.maintenanceSeconds > 0;
}

/**
 * Today's bar shows at least the trouble published now, staff-declared impact included, so the
 * bar never looks calmer than the state written next to it. Its figures stay what was measured.
 */
export function withPublishedToday(bars: DayBar[], state: PublishedState): DayBar[] {
  const today = bars.at(-1);
  if (!today || PUBLISHED_RANK[state] < PUBLISHED_RANK.degraded) return bars;
  return [...bars.slice(0, -1), { ...today, level: worsePublished(today.level, state) }];
}

/** Uptime over a run of bars, weighted by monitored time; null when nothing was monitored. */
export function uptimeOverBars(bars: DayBar[]): number | null {
  let up = 0;
  let monitored = 0;
  for (const bar of bars) {
    up += bar.operationalSeconds + bar.degradedSeconds;
    monitored += bar.operationalSeconds + bar.degradedSeconds + bar.downSeconds;
  }
  return monitored > 0 ? (up / monitored) * 100 : null;
}
