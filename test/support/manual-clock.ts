import type { ProbeClock } from '../../src/probe/clock.ts';

/**
 * The tests' one manual clock: it moves only when told; timers fire in due order, microtasks
 * flushed after each.
 */
export interface ManualClock extends ProbeClock {
  advance(ms: number): Promise<void>;
  /** Moves time without firing timers, like an event loop stalled by a long synchronous task. */
  stall(ms: number): void;
  pendingTimers(): number;
}

export function createManualClock(start = 0): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

  function nextDue(limit: number): number | null {
    let best: number | null = null;
    let bestAt = Infinity;
    for (const [id, timer] of timers) {
      if (timer.at <= limit && (timer.at < bestAt || (timer.at === bestAt && best !== null && id < best))) {
        best = id;
        bestAt = timer.at;
      }
    }
    return best;
  }

  return {
    now: () => now,
    setTimeout(callback, ms) {
      seq += 1;
      timers.set(seq, { at: now + Math.max(0, ms), callback });
      return seq;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (let id = nextDue(target); id !== null; id = nextDue(target)) {
        const timer = timers.get(id);
        timers.delete(id);
        if (!timer) continue;
        now = Math.max(now, timer.at);
        timer.callback();
        await flush();
      }
      now = target;
      await flush();
    },
    stall(ms) {
      now += ms;
    },
    pendingTimers: () => timers.size,
  };
}

/** The same clock read as Dates, for code that takes `clock: () => Date` (staff actions, sessions, throttling). */
export function manualClock(start = new Date('2026-03-02T09:00:00Z')): {
  now: () => Date;
  advance: (ms: number) => void;
  set: (d: Date) => void;
} {
  const clock = createManualClock(start.getTime());
  return {
    now: () => new Date(clock.now()),
    advance: (ms) => clock.stall(ms),
    set: (d) => clock.stall(d.getTime() - clock.now()),
  };
}
