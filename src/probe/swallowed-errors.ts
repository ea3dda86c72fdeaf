/**
 * Errors the probe survives but must not hide: a store write that failed after its retries, a
 * heartbeat or a maintenance or peers refresh that could not reach the database. Counted by kind for
 * /healthz and /metrics, and logged once per occurrence with what to check.
 */
export const SWALLOWED_ERROR_KINDS = [
  'store_write',
  'store_busy_retry',
  'store_connection_lost',
  'heartbeat',
  'maintenance_refresh',
  'peers_refresh',
  'prune',
  'scheduler',
  'leases',
] as const;
export type SwallowedErrorKind = (typeof SWALLOWED_ERROR_KINDS)[number];

export interface SwallowedErrors {
  record(kind: SwallowedErrorKind, error: unknown, where?: string): void;
  counts(): Record<SwallowedErrorKind, number>;
  last(): { kind: SwallowedErrorKind; message: string; at: Date } | null;
}

export function createSwallowedErrors(options: { log?: (line: string) => void; now?: () => number } = {}): SwallowedErrors {
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? Date.now;
  const counts = Object.fromEntries(SWALLOWED_ERROR_KINDS.map((k) => [k, 0])) as Record<SwallowedErrorKind, number>;
  let latest: ReturnType<SwallowedErrors['last']> = null;
  return {
    record(kind, error, where) {
      counts[kind] += 1;
      const message = error instanceof Error ? error.message : String(error);
      latest = { kind, message, at: new Date(now()) };
      log(`vigie-probe: ${kind} failed${where ? ` (${where})` : ''}: ${message}`);
    },
    counts: () => ({ ...counts }),
    last: () => latest,
  };
}
