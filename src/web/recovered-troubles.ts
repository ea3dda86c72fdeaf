import type { StoreTrouble } from '../store/open-store.ts';

export interface RecoveredTroubles {
  record(trouble: StoreTrouble): void;
  /** Per trouble, how many times the store got over it since the process started. */
  counts(): Record<StoreTrouble, number>;
}

/**
 * The troubles the web process's store got over by itself (a read retried on a busy SQLite file,
 * an idle PostgreSQL connection lost), counted for `/healthz` as the probe counts its own:
 * otherwise they would leave no trace.
 */
export function createRecoveredTroubles(): RecoveredTroubles {
  const counts: Record<StoreTrouble, number> = { busy_retry: 0, connection_lost: 0 };
  return {
    record(trouble) {
      counts[trouble] += 1;
    },
    counts: () => ({ ...counts }),
  };
}
