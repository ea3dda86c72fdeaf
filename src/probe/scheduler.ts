import pLimit, { type LimitFunction } from 'p-limit';
import { systemClock, type ProbeClock } from './clock.ts';
import { createLagWindow, type LagSummary } from './lag-window.ts';

/**
 * Runs each job at its interval with ±jitter, one run per job at a time, under a global and a
 * per-host concurrency cap. The first runs are spread across each job's first interval; a job that
 * fell behind skips the slots it missed instead of bursting to catch up; a run that asks for it is
 * re-checked after a short delay. Lag = when a run actually started minus when it was due.
 */
export interface ScheduledJob {
  id: string;
  /** Runs against one host share the per-host cap. */
  host: string;
  intervalMs: number;
}

export interface RunInfo {
  dueAt: number;
  startedAt: number;
  lagMs: number;
}

export interface SchedulerOptions {
  jobs: ScheduledJob[];
  /** Should not throw; if it does, the error is counted and the job keeps its schedule. */
  run(job: ScheduledJob, info: RunInfo): Promise<{ recheck: boolean }>;
  concurrency: number;
  perHost: number;
  clock?: ProbeClock;
  random?: () => number;
  /** Fraction of the interval each period may move by, both ways. */
  jitter?: number;
  recheckDelayMs?: number;
  /**
   * A job another process runs for now (a lease it holds) keeps its schedule but does not run
   * (true); one that may not run before a given time (a slot another process may have used) runs
   * at that time rather than at its next slot, which can be an interval later.
   */
  skip?(job: ScheduledJob, now: number): boolean | number;
  onLag?(lagMs: number): void;
  onError?(error: unknown, job: ScheduledJob): void;
}

export interface SchedulerStats {
  jobs: number;
  started: number;
  /** Due and waiting for a concurrency slot. */
  waiting: number;
  running: number;
  skippedSlots: number;
  rechecks: number;
  errors: number;
  lag: LagSummary;
}

export interface Scheduler {
  start(): void;
  /** Runs a job now rather than at its next slot (its `skip` still applies), unless it is running or waiting already. */
  runSoon(id: string): void;
  /** Stops scheduling; resolves when every run already started has finished. */
  stop(): Promise<void>;
  stats(): SchedulerStats;
}

interface JobState {
  job: ScheduledJob;
  timer: unknown;
  dueAt: number;
  /** Due, waiting for a slot or running: not to be planned again until it ends. */
  busy: boolean;
  /** Asked to run at once before the scheduler started. */
  soon: boolean;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const jitter = options.jitter ?? 0.1;
  const recheckDelayMs = options.recheckDelayMs ?? 7_000;
  const global = pLimit(options.concurrency);
  const hosts = new Map<string, LimitFunction>();
  const lags = createLagWindow();
  const states = options.jobs.map((job): JobState => ({ job, timer: null, dueAt: 0, busy: false, soon: false }));
  const byId = new Map(states.map((state) => [state.job.id, state]));
  const pending = new Set<Promise<void>>();
  const counts = { started: 0, waiting: 0, running: 0, skippedSlots: 0, rechecks: 0, errors: 0 };
  let stopped = false;
  let started = false;

  function hostLimit(host: string): LimitFunction {
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(options.perHost)));
    return limit;
  }

  function plan(state: JobState, dueAt: number): void {
    if (stopped) return;
    state.busy = false;
    state.dueAt = dueAt;
    state.timer = clock.setTimeout(() => fire(state), Math.max(0, dueAt - clock.now()));
  }

  /** Plans the job again and says so when it may not run now. */
  function held(state: JobState): boolean {
    const now = clock.now();
    const skip = options.skip?.(state.job, now) ?? false;
    if (skip === false) return false;
    plan(state, skip === true ? nextDue(state, false, now) : skip);
    return true;
  }

  function fire(state: JobState): void {
    if (stopped || held(state)) return;
    state.busy = true;
    counts.waiting += 1;
    // Host slot first, then a global one: a run waiting for its host holds no global slot.
    const done = hostLimit(state.job.host)(() => global(() => execute(state)));
    pending.add(done);
    void done.finally(() => pending.delete(done));
  }

  async function execute(state: JobState): Promise<void> {
    counts.waiting -= 1;
    if (stopped) return;
    // It may have waited for a slot long enough for its lease to go.
    if (held(state)) return;
    const startedAt = clock.now();
    const lagMs = Math.max(0, startedAt - state.dueAt);
    lags.add(lagMs);
    options.onLag?.(lagMs);
    counts.started += 1;
    counts.running += 1;
    let recheck = false;
    try {
      recheck = (await options.run(state.job, { dueAt: state.dueAt, startedAt, lagMs })).recheck;
    } catch (error) {
      counts.errors += 1;
      options.onError?.(error, state.job);
    } finally {
      counts.running -= 1;
    }
    plan(state, nextDue(state, recheck, clock.now()));
  }

  function nextDue(state: JobState, recheck: boolean, now: number): number {
    const interval = state.job.intervalMs;
    let next = state.dueAt + interval * (1 + jitter * (2 * random() - 1));
    // Behind schedule (a slow run, a stalled event loop): drop the missed slots, keep the phase.
    while (next < now) {
      next += interval;
      counts.skippedSlots += 1;
    }
    if (!recheck) return next;
    const soon = now + Math.min(recheckDelayMs, interval);
    if (soon < next) counts.rechecks += 1;
    return Math.min(next, soon);
  }

  return {
    start() {
      started = true;
      const start = clock.now();
      // Stratified offsets: spread evenly across the first interval, with a little randomness.
      states.forEach((state, i) => plan(state, state.soon ? start : start + ((i + random()) / states.length) * state.job.intervalMs));
    },
    runSoon(id) {
      const state = byId.get(id);
      if (!state || state.busy || stopped) return;
      if (!started) {
        state.soon = true;
        return;
      }
      clock.clearTimeout(state.timer);
      plan(state, clock.now());
    },
    async stop() {
      stopped = true;
      for (const state of states) clock.clearTimeout(state.timer);
      // Queued runs see `stopped` and return at once, so waiting for them is waiting for the running.
      await Promise.allSettled([...pending]);
    },
    stats: () => ({ jobs: states.length, ...counts, lag: lags.summary() }),
  };
}
