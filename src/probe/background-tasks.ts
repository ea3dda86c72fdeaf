import type { ProbeClock } from './clock.ts';
import type { SwallowedErrorKind, SwallowedErrors } from './swallowed-errors.ts';

/**
 * The probe's work beside the checks (heartbeats, refreshes, pruning): each failure counted under
 * its kind instead of thrown, periodic tasks re-armed only once they end so two never overlap, and
 * what is still running kept track of, so shutdown can wait for it before the store is closed.
 */
export interface BackgroundTasks {
  run(kind: SwallowedErrorKind, task: () => Promise<unknown>): Promise<void>;
  every(ms: number, kind: SwallowedErrorKind, task: () => Promise<unknown>): void;
  /** No periodic task fires again. */
  cancelTimers(): void;
  /** Resolves once every task started has ended. */
  settled(): Promise<void>;
}

export function createBackgroundTasks(clock: ProbeClock, errors: SwallowedErrors): BackgroundTasks {
  const timers = new Set<unknown>();
  const inFlight = new Set<Promise<void>>();
  let cancelled = false;

  function run(kind: SwallowedErrorKind, task: () => Promise<unknown>): Promise<void> {
    const done = task().then(
      () => undefined,
      (error) => errors.record(kind, error),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    return done;
  }

  return {
    run,
    every(ms, kind, task) {
      const tick = () => {
        timers.delete(handle);
        void run(kind, task).finally(() => {
          if (!cancelled) timers.add((handle = clock.setTimeout(tick, ms)));
        });
      };
      let handle = clock.setTimeout(tick, ms);
      timers.add(handle);
    },
    cancelTimers() {
      cancelled = true;
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
    settled: async () => void (await Promise.all([...inFlight])),
  };
}
