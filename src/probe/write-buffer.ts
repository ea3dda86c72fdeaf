import type { CheckWritten } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import { writeFailure } from '../store/write-failure.ts';
import type { ProbeClock } from './clock.ts';
import { createBacklogSizer } from './backlog-sizer.ts';
import { createStoreWriteHealth, type StoreWriteState } from './store-write-health.ts';
import { createWriteQueue, type CheckWrite, type Queued } from './write-queue.ts';

export type { CheckWrite } from './write-queue.ts';

/**
 * Default capacity: about 15 MB of results (≈1.5 kB each). With the shipped catalogue (about 45
 * services every 60 s) that is more than three hours of store outage; with 5,000 services, two
 * minutes. `VIGIE_PROBE_BUFFER` changes it.
 */
export const DEFAULT_BUFFER_CAPACITY = 10_000;
/** A write still unanswered after this long makes the store "slow": later results wait in the buffer. */
export const DEFAULT_SLOW_AFTER_MS = 5_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

export interface BufferStats {
  size: number;
  capacity: number;
  /** Results dropped because the buffer was full (the oldest without an outage event go first). */
  dropped: number;
  /** Results the store refused for what they hold (a constraint, a value it cannot store): never an outage. */
  rejected: number;
  /** Buffered results written once the store came back. */
  written: number;
  oldestAt: string | null;
  /** How writes go: answered in time, one unanswered past the deadline, or failing. */
  store: StoreWriteState;
  /** Since when the store has not been "ok". */
  storeSince: string | null;
  lastError: string | null;
}

export interface WriteBuffer {
  /** Writes at once when nothing waits and the store answers in time; otherwise keeps it, in order. */
  record(input: CheckWrite): Promise<CheckWritten | 'buffered'>;
  stats(): BufferStats;
  /** Writes what waits (at shutdown), giving up at `until` (clock time); what is left stays in `pending()`. */
  drain(until?: number): Promise<void>;
  /** Writes saved by an earlier run; written first, each one reported to `onReplayed` once gone. */
  restore(inputs: readonly CheckWrite[], onReplayed: (done: number) => void): void;
  /** Everything not yet acknowledged, in order (for the spool at shutdown). */
  pending(): CheckWrite[];
  /** No write starts any more; resolves once the batch being written (if any) has settled (bounded by the store's own timeouts). */
  stop(): Promise<void>;
}

export interface WriteBufferOptions {
  /** `recordCheck` for results written as they come (the group commit), `recordChecks` for a backlog. */
  store: Pick<Store, 'recordCheck' | 'recordChecks'>;
  clock: ProbeClock;
  capacity?: number;
  slowAfterMs?: number;
  /** Told of each buffered write once stored, so memory learns the incident id the store chose (or that it was history only). */
  onWritten?: (serviceId: string, written: CheckWritten, laterQueued: boolean) => void;
  onError?: (error: unknown, detail: string) => void;
}

interface InFlight extends Queued {
  settled: Promise<unknown>;
}

/**
 * Check results wait here, in memory and in order, while the store is unreachable or slow; the
 * state machine goes on deciding meanwhile, and no check waits on a write for longer than
 * `slowAfterMs`. Once the store answers, the backlog is written oldest first in batches as large
 * as the store takes in about a second (`backlog-sizer.ts`), each result with its real times, so
 * incidents decided during the outage are stored once, as they happened; new results queue behind.
 * Only a write the database refuses for its content is dropped; any other failure is an outage.
 */
export function createWriteBuffer(options: WriteBufferOptions): WriteBuffer {
  const { clock } = options;
  const capacity = options.capacity ?? DEFAULT_BUFFER_CAPACITY;
  const slowAfterMs = options.slowAfterMs ?? DEFAULT_SLOW_AFTER_MS;
  const queue = createWriteQueue(capacity);
  const inFlight = new Set<InFlight>();
  const sizer = createBacklogSizer();
  const health = createStoreWriteHealth(clock, slowAfterMs);
  // Incident ids the store chose for buffered openings, carried to the writes queued after them.
  const carried = new Map<string, string | null>();
  let seq = 0;
  let rejected = 0;
  let written = 0;
  let replayed = 0;
  let onReplayed: (done: number) => void = () => undefined;
  let holding = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: unknown = null;
  let draining: Promise<void> | null = null;
  let deadline = Infinity;
  let stopped = false;

  const serviceOf = (q: Queued) => q.input.tracking.serviceId;
  const describe = (q: Queued) => `result of ${serviceOf(q)} at ${q.input.result.startedAt.toISOString()}`;

  function schedule(ms: number): void {
    if (timer !== null || draining || stopped) return;
    timer = clock.setTimeout(() => {
      timer = null;
      void drain();
    }, ms);
  }

  function told(q: Queued, written: CheckWritten): void {
    const serviceId = serviceOf(q);
    const laterQueued = queue.has(serviceId);
    if (laterQueued && !written.historyOnly) carried.set(serviceId, written.incidentId);
    else if (!laterQueued) carried.delete(serviceId);
    options.onWritten?.(serviceId, written, laterQueued);
  }

  function refused(q: Queued, error: unknown): void {
    rejected += 1;
    options.onError?.(error, `${describe(q)} refused by the store for what it holds; dropped`);
  }

  /** A write handed to the store: answered in time, or left to finish while later results queue. */
  async function direct(q: Queued): Promise<CheckWritten | 'buffered'> {
    let late = false;
    const job: InFlight = { ...q, settled: Promise.resolve() };
    const settled = health.begin();
    const outcome = options.store.recordCheck(q.input).then(
      (stored) => {
        settled();
        inFlight.delete(job);
        health.succeeded();
        if (late) {
          written += 1;
          told(q, stored);
        }
        return stored;
      },
      (error: unknown) => {
        settled();
        inFlight.delete(job);
        if (writeFailure(error) === 'row_refused') refused(q, error);
        else {
          health.failed(error);
          holding = true;
          queue.putBack(q);
          options.onError?.(error, `${describe(q)} kept in memory until the store answers`);
        }
        return 'buffered' as const;
      },
    );
    job.settled = outcome.then(() => {
      if (holding && inFlight.size === 0) schedule(health.failing() ? retryMs : 0);
    });
    inFlight.add(job);
    const first = await raceUntil(outcome, clock.now() + slowAfterMs);
    if (first !== 'late') return first;
    late = true;
    holding = true;
    options.onError?.(new Error(`no answer within ${slowAfterMs} ms`), `${describe(q)} still being written; later results wait in memory`);
    return 'buffered';
  }

  /** `work`'s value, or 'late' once the clock reaches `until`. */
  async function raceUntil<T>(work: Promise<T>, until: number): Promise<T | 'late'> {
    if (until === Infinity) return work;
    let handle: unknown;
    const late = new Promise<'late'>((resolve) => (handle = clock.setTimeout(() => resolve('late'), Math.max(0, until - clock.now()))));
    try {
      return await Promise.race([work, late]);
    } finally {
      clock.clearTimeout(handle);
    }
  }

  function carry(q: Queued): CheckWrite {
    const serviceId = serviceOf(q);
    if (q.input.event !== null || !carried.has(serviceId)) return q.input;
    return { ...q.input, tracking: { ...q.input.tracking, openIncidentId: carried.get(serviceId) ?? null } };
  }

  function gone(chunk: readonly Queued[]): void {
    const restored = chunk.filter((q) => q.restored).length;
    if (restored === 0) return;
    replayed += restored;
    onReplayed(replayed);
  }

  /** One batch from the head. False when the store failed: try again later. */
  async function writeBatch(): Promise<boolean> {
    const chunk = queue.head(sizer.size());
    const started = clock.now();
    const settled = health.begin();
    try {
      const outcomes = await options.store.recordChecks(chunk.map(carry));
      sizer.took(chunk.length, clock.now() - started);
      queue.shift(chunk.length);
      written += chunk.length;
      health.succeeded();
      const last = new Map<string, { q: Queued; written: CheckWritten }>();
      chunk.forEach((q, i) => last.set(serviceOf(q), { q, written: outcomes[i]! }));
      for (const { q, written } of last.values()) told(q, written);
      gone(chunk);
      return true;
    } catch (error) {
      if (writeFailure(error) !== 'row_refused') {
        health.failed(error);
        options.onError?.(error, `${queue.length} buffered results wait for the store`);
        return false;
      }
      // One of these rows is refused: halve until it is alone, then drop it and go on.
      if (chunk.length > 1) sizer.isolate(chunk.length);
      else {
        refused(chunk[0]!, error);
        gone(queue.shift(1));
      }
      return true;
    } finally {
      settled();
    }
  }

  /** Resolves once the queue is written, the store fails, or the clock reaches `until` (the loop then stops too). */
  async function drain(until = Infinity): Promise<void> {
    deadline = Math.min(deadline, until);
    draining ??= (async () => {
      // Writes already handed to the store go first: the backlog holds later results of their services.
      if ((await raceUntil(Promise.all([...inFlight].map((j) => j.settled)), deadline)) === 'late') return;
      while (queue.length > 0 && clock.now() < deadline && !stopped) {
        if (!(await writeBatch())) {
          retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
          return;
        }
      }
      retryMs = FIRST_RETRY_MS;
      if (queue.length === 0 && inFlight.size === 0) holding = false;
    })().finally(() => {
      draining = null;
      deadline = Infinity;
      if (queue.length > 0) schedule(health.failing() ? retryMs : 0);
    });
    await raceUntil(draining, until);
  }

  return {
    async record(input) {
      const q: Queued = { seq: ++seq, input, restored: false };
      if (!holding && queue.length === 0 && !draining) return direct(q);
      queue.push(q);
      schedule(health.failing() ? retryMs : 0);
      return 'buffered';
    },
    stats() {
      const store = health.now();
      return {
        size: queue.length,
        capacity,
        dropped: queue.dropped(),
        rejected,
        written,
        oldestAt: queue.oldest()?.input.result.startedAt.toISOString() ?? null,
        store: store.state,
        storeSince: store.since,
        lastError: store.lastError,
      };
    },
    drain,
    restore(inputs, report) {
      onReplayed = report;
      for (const input of inputs) queue.push({ seq: ++seq, input, restored: true });
      if (inputs.length > 0) schedule(0);
    },
    pending: () => [...[...inFlight].sort((a, b) => a.seq - b.seq), ...queue.all()].map((q) => q.input),
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      return draining ?? Promise.resolve();
    },
  };
}
