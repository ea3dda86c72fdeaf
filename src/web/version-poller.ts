/**
 * The store's data version, asked at most once per interval however many requests want it:
 * every request in between shares the last answer or the one query in flight.
 */
export interface VersionPoller {
  current(): Promise<number>;
  /** The version if read within the interval; otherwise null, and a read is started. */
  peek(): number | null;
}

export function createVersionPoller(options: { read: () => Promise<number>; intervalMs: number; now: () => number }): VersionPoller {
  let value: number | null = null;
  let readAt = -Infinity;
  let inFlight: Promise<number> | null = null;
  const fresh = () => value !== null && options.now() - readAt < options.intervalMs;
  const current = (): Promise<number> => {
    if (fresh()) return Promise.resolve(value as number);
    inFlight ??= options
      .read()
      .then((v) => {
        value = v;
        readAt = options.now();
        return v;
      })
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
      return null;
    },
  };
}
