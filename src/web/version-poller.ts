/**
 * The store's data version, asked at most once per interval however many requests want it:
 * every request in between shares the last answer or the one query in flight.
 */
export interface VersionPoller {
  current(): Promise<number>;
  /** The version without waiting, starting a read when due; null when nothing recent is known. */
  peek(): number | null;
  /** Failed reads so far (shown by the health check). */
  errors(): number;
}

export function createVersionPoller(options: { read: () => Promise<number>; intervalMs: number; now: () => number }): VersionPoller {
  let value: number | null = null;
  let readAt = -Infinity;
  let inFlight: Promise<number> | null = null;
  let failures = 0;
  const fresh = () => value !== null && options.now() - readAt < options.intervalMs;
  const current = (): Promise<number> => {
    if (fresh()) return Promise.resolve(value as number);
    inFlight ??= options
      .read()
      .then(
        (v) => {
          value = v;
          readAt = options.now();
          return v;
        },
        (error: unknown) => {
          failures += 1;
          throw error;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  return {
    current,
    peek() {
      if (fresh()) return value;
      current().catch(() => undefined);
      // While the next read is under way, the last value (at most two intervals old) still stands.
      return value !== null && options.now() - readAt < 2 * options.intervalMs ? value : null;
    },
    errors: () => failures,
  };
}
