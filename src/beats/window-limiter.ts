/**
 * At most `limit` events per key in each fixed window, in memory: enough to keep one client from
 * flooding the heartbeat route of one web process. Keys are forgotten at each new window, so the
 * memory is bounded by the clients seen within one window.
 */
export interface WindowLimiter {
  /** Counts the event; false once the key is past its limit in this window. */
  allow(key: string): boolean;
}

export function createWindowLimiter(options: { limit: number; windowMs: number; now: () => number }): WindowLimiter {
  let windowStart = -Infinity;
  let counts = new Map<string, number>();
  return {
    allow(key) {
      const now = options.now();
      if (now - windowStart >= options.windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count <= options.limit;
    },
  };
}
