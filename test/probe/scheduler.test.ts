import { describe, expect, it } from 'vitest';
import { createScheduler, type ScheduledJob, type SchedulerOptions } from '../../src/probe/scheduler.ts';
import { createManualClock, type ManualClock } from '../support/manual-clock.ts';

const S = 1000;

/** A seeded generator, so a failing run can be replayed. */
function seeded(seed = 42): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function jobs(count: number, intervalMs: number, host = (i: number) => `host-${i}`): ScheduledJob[] {
  return Array.from({ length: count }, (_, i) => ({ id: `svc-${i}`, host: host(i), intervalMs }));
}

interface Harness {
  clock: ManualClock;
  starts: { id: string; at: number; lagMs: number }[];
  maxRunning: { total: number; perJob: Map<string, number>; perHost: Map<string, number> };
  scheduler: ReturnType<typeof createScheduler>;
}

/** Each run lasts `durationMs(job)` on the manual clock and returns `recheck(job, n)`. */
function harness(
  list: ScheduledJob[],
  behaviour: { durationMs?: (job: ScheduledJob) => number; recheck?: (job: ScheduledJob, n: number) => boolean } = {},
  overrides: Partial<SchedulerOptions> = {},
): Harness {
  const clock = createManualClock(1_000_000);
  const starts: Harness['starts'] = [];
  const running = { total: 0, perJob: new Map<string, number>(), perHost: new Map<string, number>() };
  const maxRunning = { total: 0, perJob: new Map<string, number>(), perHost: new Map<string, number>() };
  const bump = (map: Map<string, number>, max: Map<string, number>, key: string, by: number) => {
    const value = (map.get(key) ?? 0) + by;
    map.set(key, value);
    max.set(key, Math.max(max.get(key) ?? 0, value));
  };
  const scheduler = createScheduler({
    jobs: list,
    concurrency: 1000,
    perHost: 2,
    clock,
    random: seeded(),
    async run(job, info) {
      starts.push({ id: job.id, at: info.startedAt, lagMs: info.lagMs });
      const n = starts.filter((s) => s.id === job.id).length;
      running.total += 1;
      maxRunning.total = Math.max(maxRunning.total, running.total);
      bump(running.perJob, maxRunning.perJob, job.id, 1);
      bump(running.perHost, maxRunning.perHost, job.host, 1);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, behaviour.durationMs?.(job) ?? 0));
      running.total -= 1;
      bump(running.perJob, maxRunning.perJob, job.id, -1);
      bump(running.perHost, maxRunning.perHost, job.host, -1);
      return { recheck: behaviour.recheck?.(job, n) ?? false };
    },
    ...overrides,
  });
  return { clock, starts, maxRunning, scheduler };
}

/** Stops, letting the manual clock run so runs in flight can end. */
async function finish(h: Harness): Promise<void> {
  const stopping = h.scheduler.stop();
  await h.clock.advance(10 * 60 * S);
  await stopping;
}

describe('scheduler', () => {
  it('spreads the first checks across the first interval, neither at once nor one by one', async () => {
    const h = harness(jobs(120, 60 * S));
    h.scheduler.start();
    await h.clock.advance(60 * S);
    const first = new Map<string, number>();
    for (const s of h.starts) if (!first.has(s.id)) first.set(s.id, s.at - 1_000_000);
    expect(first.size).toBe(120);
    const perTenSeconds = [0, 0, 0, 0, 0, 0];
    for (const offset of first.values()) perTenSeconds[Math.floor(offset / (10 * S))]! += 1;
    for (const bucket of perTenSeconds) expect(bucket).toBe(20);
    await finish(h);
  });

  it('keeps each period within ±10% of the interval, and varies it', async () => {
    const h = harness(jobs(1, 60 * S));
    h.scheduler.start();
    await h.clock.advance(60 * 60 * S);
    const gaps = h.starts.slice(1).map((s, i) => s.at - h.starts[i]!.at);
    expect(gaps.length).toBeGreaterThanOrEqual(55);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(54 * S);
      expect(gap).toBeLessThanOrEqual(66 * S);
    }
    expect(new Set(gaps).size).toBeGreaterThan(gaps.length / 2);
    await finish(h);
  });

  it('never overlaps two runs of one job, and skips the slots a long run missed', async () => {
    const h = harness(jobs(3, 10 * S), { durationMs: () => 35 * S });
    h.scheduler.start();
    await h.clock.advance(10 * 60 * S);
    for (const max of h.maxRunning.perJob.values()) expect(max).toBe(1);
    const starts = h.starts.filter((s) => s.id === 'svc-0').map((s) => s.at);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(35 * S);
    for (const gap of gaps) expect(gap).toBeLessThan(50 * S);
    expect(h.scheduler.stats().skippedSlots).toBeGreaterThan(0);
    await finish(h);
  });

  it('does not run a job whose lease went while it waited for a slot', async () => {
    let held = true;
    // Four jobs on one host with one slot: the later ones wait for it, 50 s each.
    const h = harness(
      jobs(4, 60 * S, () => 'one.example'),
      { durationMs: () => 50 * S },
      { perHost: 1, skip: () => !held },
    );
    h.scheduler.start();
    await h.clock.advance(46 * S);
    const before = h.starts.length;
    expect(h.scheduler.stats().waiting).toBeGreaterThan(0);
    held = false;
    await h.clock.advance(120 * S);
    // Only the run under way when the lease went finishes; the waiting ones are not started.
    expect(h.starts.length).toBe(before);
    await finish(h);
  });

  it('runs a job asked for at once, or at the time its skip rule gives, not at its next slot', async () => {
    let notBefore = -Infinity;
    const h = harness(jobs(2, 60 * S), {}, { skip: (_job, now) => (now < notBefore ? notBefore : false) });
    // Asked before the start: at the start, not spread across the first interval.
    h.scheduler.runSoon('svc-1');
    h.scheduler.start();
    await h.clock.advance(0);
    expect(h.starts.map((s) => [s.id, s.at - 1_000_000])).toEqual([['svc-1', 0]]);
    await h.clock.advance(61 * S);
    h.starts.length = 0;
    notBefore = h.clock.now() + 10 * S;
    h.scheduler.runSoon('svc-0');
    await h.clock.advance(11 * S);
    expect(h.starts.filter((s) => s.id === 'svc-0').map((s) => s.at)).toEqual([notBefore]);
    await finish(h);
  });

  it('caps concurrency per host and globally', async () => {
    const h = harness(
      jobs(30, 5 * S, (i) => (i % 3 === 0 ? 'a.example' : i % 3 === 1 ? 'b.example' : `other-${i}`)),
      { durationMs: () => 4 * S },
      { concurrency: 5, perHost: 2 },
    );
    h.scheduler.start();
    await h.clock.advance(2 * 60 * S);
    expect(h.maxRunning.perHost.get('a.example')).toBe(2);
    expect(h.maxRunning.perHost.get('b.example')).toBe(2);
    expect(h.maxRunning.total).toBe(5);
    expect(h.scheduler.stats().lag.maxMs).toBeGreaterThan(0);
    await finish(h);
  });

  it('after a stall, runs each late job once and resumes its cadence: no catch-up burst', async () => {
    const h = harness(jobs(20, 10 * S));
    h.scheduler.start();
    await h.clock.advance(30 * S);
    const before = h.starts.length;
    h.clock.stall(5 * 60 * S);
    await h.clock.advance(1);
    const burst = h.starts.slice(before);
    expect(burst.length).toBe(20);
    expect(new Set(burst.map((s) => s.id)).size).toBe(20);
    expect(Math.min(...burst.map((s) => s.lagMs))).toBeGreaterThan(4 * 60 * S);
    await h.clock.advance(60 * S);
    const perJob = new Map<string, number>();
    for (const s of h.starts.slice(before)) perJob.set(s.id, (perJob.get(s.id) ?? 0) + 1);
    // The stalled run, then the normal cadence (periods of 9–11 s): never the 30 missed slots.
    for (const count of perJob.values()) expect(count).toBeLessThanOrEqual(1 + Math.ceil(60 / 9));
    expect(h.scheduler.stats().skippedSlots).toBeGreaterThanOrEqual(20 * 28);
    await finish(h);
  });

  it('re-checks soon after a run asks for it, capped by the interval', async () => {
    const slow = harness(jobs(1, 60 * S), { recheck: (_job, n) => n === 2 });
    slow.scheduler.start();
    await slow.clock.advance(3 * 60 * S);
    const at = slow.starts.map((s) => s.at);
    expect(at[2]! - at[1]!).toBe(7 * S);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(54 * S);
    expect(slow.scheduler.stats().rechecks).toBe(1);
    await finish(slow);

    const fast = harness(jobs(1, 3 * S), { recheck: () => true });
    fast.scheduler.start();
    await fast.clock.advance(60 * S);
    const gaps = fast.starts.slice(1).map((s, i) => s.at - fast.starts[i]!.at);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(3 * S);
    await finish(fast);
  });

  it('stops scheduling at once and waits for runs in flight', async () => {
    const h = harness(jobs(4, 10 * S), { durationMs: () => 5 * S });
    h.scheduler.start();
    await h.clock.advance(9 * S);
    expect(h.scheduler.stats().running).toBeGreaterThan(0);
    let stopped = false;
    const stopping = h.scheduler.stop().then(() => (stopped = true));
    await h.clock.advance(1);
    expect(stopped).toBe(false);
    const started = h.starts.length;
    await h.clock.advance(60 * S);
    await stopping;
    expect(stopped).toBe(true);
    expect(h.starts.length).toBe(started);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('counts a run that throws and keeps the job scheduled', async () => {
    const clock = createManualClock();
    const errors: unknown[] = [];
    let runs = 0;
    const scheduler = createScheduler({
      jobs: jobs(1, 10 * S),
      concurrency: 1,
      perHost: 1,
      clock,
      async run() {
        runs += 1;
        throw new Error('store unavailable');
      },
      onError: (error) => errors.push(error),
    });
    scheduler.start();
    await clock.advance(60 * S);
    expect(runs).toBeGreaterThanOrEqual(5);
    expect(scheduler.stats().errors).toBe(runs);
    expect(errors).toHaveLength(runs);
    await scheduler.stop();
  });
});
