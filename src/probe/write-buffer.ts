import type { Store } from '../store/store.ts';
import type { ProbeClock } from './clock.ts';

export type CheckWrite = Parameters<Store['recordCheck']>[0];

/**
 * Default capacity: about 15 MB of results (≈1.5 kB each). With the shipped catalogue (about 45
 * services every 60 s) that is more than three hours of store outage; with 5,000 services, two
 * minutes. `VIGIE_PROBE_BUFFER` changes it.
 */
export const DEFAULT_BUFFER_CAPACITY = 10_000;
/** A write the store refuses this many times while it answers pings is not an outage: it is dropped. */
const REJECTIONS_BEFORE_DROP = 3;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

export interface BufferStats {
  size: number;
  capacity: number;
  /** Results dropped because the buffer was full (the oldest without an outage event go first). */
  dropped: number;
  /** Results the store refused while answering (not an outage), dropped after a few attempts. */
  rejected: number;
  /** Buffered results written once the store came back. */
  written: number;
  oldestAt: string | null;
}

export interface WriteBuffer {
  /** Writes at once when nothing waits; otherwise (or if the store fails) keeps it, in order. */
  record(input: CheckWrite): Promise<{ incidentId: string | null } | 'buffered'>;
  stats(): BufferStats;
  /** Tries to write everything waiting (at shutdown); what still fails stays in memory and is lost. */
  drain(): Promise<void>;
  stop(): void;
}

export interface WriteBufferOptions {
  store: Pick<Store, 'recordCheck' | 'ping'>;
  clock: ProbeClock;
  capacity?: number;
  /** Told of each buffered write once stored, so memory learns the incident id the store chose. */
  onWritten?: (serviceId: string, incidentId: string | null, laterQueued: boolean) => void;
  onError?: (error: unknown, detail: string) => void;
}

/**
 * Check results wait here, in memory and in order, while the store is unreachable; the state
 * machine goes on deciding meanwhile. On reconnect they are written oldest first, each with its
 * real times, so incidents decided during the outage are stored once, as they happened.
 */
export function createWriteBuffer(options: WriteBufferOptions): WriteBuffer {
  const capacity = options.capacity ?? DEFAULT_BUFFER_CAPACITY;
  const queue: CheckWrite[] = [];
  // Incident ids the store chose for buffered openings, carried to the writes queued after them.
  const carried = new Map<string, string | null>();
  let dropped = 0;
  let rejected = 0;
  let written = 0;
  let rejections = 0;
  let retryMs = FIRST_RETRY_MS;
  let timer: unknown = null;
  let draining: Promise<void> | null = null;
  let stopped = false;

  function enqueue(input: CheckWrite): void {
    if (queue.length >= capacity) {
      const victim = queue.findIndex((q) => q.event === null);
      queue.splice(victim === -1 ? 0 : victim, 1);
      dropped += 1;
    }
    queue.push(input);
    schedule();
  }

  function schedule(): void {
    if (timer !== null || draining || stopped) return;
    timer = options.clock.setTimeout(() => {
      timer = null;
      void drain();
    }, retryMs);
  }

  async function writeHead(): Promise<boolean> {
    const head = queue[0]!;
    const serviceId = head.tracking.serviceId;
    const input =
      head.event === null && carried.has(serviceId)
        ? { ...head, tracking: { ...head.tracking, openIncidentId: carried.get(serviceId) ?? null } }
        : head;
    try {
      const { incidentId } = await options.store.recordCheck(input);
      queue.shift();
      written += 1;
      rejections = 0;
      const laterQueued = queue.some((q) => q.tracking.serviceId === serviceId);
      if (laterQueued) carried.set(serviceId, incidentId);
      else carried.delete(serviceId);
      options.onWritten?.(serviceId, incidentId, laterQueued);
      return true;
    } catch (error) {
      const answers = await options.store.ping().then(
        () => true,
        () => false,
      );
      if (answers && ++rejections >= REJECTIONS_BEFORE_DROP) {
        queue.shift();
        rejected += 1;
        rejections = 0;
        options.onError?.(error, `buffered result of ${serviceId} at ${head.result.startedAt.toISOString()} refused by the store; dropped`);
        return true;
      }
      return false;
    }
  }

  function drain(): Promise<void> {
    draining ??= (async () => {
      while (queue.length > 0) {
        if (!(await writeHead())) {
          retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
          return;
        }
        retryMs = FIRST_RETRY_MS;
      }
    })().finally(() => {
      draining = null;
      if (queue.length > 0) schedule();
    });
    return draining;
  }

  return {
    async record(input) {
      if (queue.length > 0 || draining) {
        enqueue(input);
        return 'buffered';
      }
      try {
        return await options.store.recordCheck(input);
      } catch (error) {
        options.onError?.(
          error,
          `result of ${input.tracking.serviceId} at ${input.result.startedAt.toISOString()} kept in memory until the store answers`,
        );
        enqueue(input);
        return 'buffered';
      }
    },
    stats: () => ({
      size: queue.length,
      capacity,
      dropped,
      rejected,
      written,
      oldestAt: queue[0]?.result.startedAt.toISOString() ?? null,
    }),
    drain,
    stop() {
      stopped = true;
      if (timer !== null) options.clock.clearTimeout(timer);
      timer = null;
    },
  };
}
