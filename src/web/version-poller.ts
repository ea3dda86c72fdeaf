/**
 * The store's data version, asked at most once per interval however many requests want it:
 * every request in between shares the last answer or the one query in flight.
 */
export interface VersionPoller {
  current(): Promise<number>;
}

export function createVersionPoller(options: { read: () => Promise<number>; intervalMs: number; now: () => number }): VersionPoller {
  let value: number | null = null;
  let readAt = -Infinity;
  let inFlight: Promise<number> | null = null;
  return {
    current() {
      if (value !== null && options.now() - readAt < options.intervalMs) return Promise.resolve(value);
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
    },
  };
}
