import type { ProbeHeartbeat, ServiceTracking, UpstreamReading } from '../domain/records.ts';
import type { Incident, Maintenance } from '../domain/incident-records.ts';
import type { Store } from '../store/store.ts';
import type { DeadlineExtension } from '../domain/guidance.ts';

export interface SnapshotRows {
  dataVersion: number;
  trackings: ServiceTracking[];
  heartbeats: ProbeHeartbeat[];
  openIncidents: Incident[];
  maintenances: Maintenance[];
  deadlineExtensions: DeadlineExtension[];
  upstreamReadings: UpstreamReading[];
}

export interface SnapshotRowsReader {
  read(now: Date): Promise<SnapshotRows>;
}

const OPEN_INCIDENTS_LIMIT = 200;
const MAINTENANCE_LIMIT = 200;

/**
 * The rows a snapshot is built from, reused while the data version is unchanged, so a burst of
 * searches (each a new page to render) costs one version read apiece instead of five queries.
 * Heartbeat and check times move without a version change: rows older than `maxAgeMs` are read
 * again, well inside the minutes it takes for data to count as stale.
 */
export function createSnapshotRows(store: Store, options: { maxAgeMs: number }): SnapshotRowsReader {
  let kept: { rows: SnapshotRows; readAt: number } | null = null;
  return {
    async read(now) {
      // The version is read first: rows read after it are at least that new, so a cache keyed
      // on it can only be refreshed too early, never kept too long.
      const dataVersion = await store.dataVersion();
      const age = now.getTime() - (kept?.readAt ?? Number.NEGATIVE_INFINITY);
      if (kept && kept.rows.dataVersion === dataVersion && age >= 0 && age < options.maxAgeMs) return kept.rows;
      const [trackings, heartbeats, open, maintenances, deadlineExtensions, upstreamReadings] = await Promise.all([
        store.listTrackings(),
        store.listHeartbeats(),
        store.listIncidents({ state: 'open', limit: OPEN_INCIDENTS_LIMIT }),
        store.listMaintenances({ endsAfter: now, limit: MAINTENANCE_LIMIT }),
        store.listDeadlineExtensions(),
        store.listUpstreamReadings(),
      ]);
      const rows = { dataVersion, trackings, heartbeats, openIncidents: open.items, maintenances, deadlineExtensions, upstreamReadings };
      kept = { rows, readAt: now.getTime() };
      return rows;
    },
  };
}
