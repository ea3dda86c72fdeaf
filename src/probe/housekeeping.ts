import { THROTTLE_WINDOW_MS } from '../domain/sign-in-window.ts';
import type { Store } from '../store/store.ts';

const DAY_MS = 24 * 60 * 60_000;
/** A process silent this long is gone (each restart is a new process id): its heartbeat row goes. */
export const GONE_PROCESS_MS = DAY_MS;

export interface Retention {
  /** Raw check results. */
  resultDays: number;
  /** Hourly, daily and monthly rollups, and the state changes the timeline export replays. */
  rollupDays: number;
  /** Audit rows: staff changes and sign-in outcomes. */
  auditDays: number;
}

/**
 * Hourly: what the database holds stays bounded by age. Login failures matter only inside the
 * throttle window; audit rows, raw results and rollups for their retention, state changes for the rollups' (the
 * timeline is a record of the past, as the rollups are); heartbeats of processes gone
 * for a day (each location keeps its newest).
 */
export async function pruneOld(
  store: Store,
  now: number,
  retention: Retention,
): Promise<{ results: number; rollups: number; stateChanges: number; loginFailures: number; audit: number; heartbeats: number }> {
  return {
    results: await store.pruneResults(new Date(now - retention.resultDays * DAY_MS)),
    rollups: await store.pruneRollups(new Date(now - retention.rollupDays * DAY_MS)),
    stateChanges: await store.pruneStateChanges(new Date(now - retention.rollupDays * DAY_MS)),
    loginFailures: await store.pruneLoginFailures(new Date(now - THROTTLE_WINDOW_MS)),
    audit: await store.pruneAudit(new Date(now - retention.auditDays * DAY_MS)),
    heartbeats: await store.pruneHeartbeats(new Date(now - GONE_PROCESS_MS)),
  };
}
