import type { CheckWritten, OutageDecider, ServiceTracking, WriteLease } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import type { ProbeClock } from './clock.ts';
import type { SpooledWrite } from './spool-format.ts';
import type { Spool } from './spool.ts';
import type { SwallowedErrors } from './swallowed-errors.ts';
import { createWriteBatcher } from './write-batcher.ts';
import { createWriteBuffer, type CheckWrite, type WriteBuffer } from './write-buffer.ts';

/**
 * Where a check's result goes on its way to the store: group commit when the store answers, the
 * write buffer when it does not, and at shutdown the spool file for what is still not written,
 * replayed first by the next run.
 */
export interface WritePathOptions {
  store: Store;
  clock: ProbeClock;
  errors: SwallowedErrors;
  /** Group commit of results (see write-batcher.ts); without it each result is its own transaction. */
  batch?: { windowMs: number; maxSize: number } | undefined;
  capacity?: number | undefined;
  slowAfterMs?: number | undefined;
  spool?: Spool | null | undefined;
  /** The outage decider for a spooled write that needs one; null when its service left the catalogue (history only). */
  decider: (write: SpooledWrite) => OutageDecider | null;
  /** The lease of a spooled line that names none (written before lines carried theirs): this process's, any epoch. */
  restoredLease?: WriteLease | null;
  onWritten: (serviceId: string, written: CheckWritten, laterQueued: boolean) => void;
}

export interface WritePath {
  buffer: WriteBuffer;
  /** Takes what earlier runs spooled, to be written first; returns their last tracking per service, for memory. */
  restore(): ServiceTracking[];
  /** Writes the backlog until `until` (clock time), then spools what is left. Returns how many were spooled. */
  shutdown(until: number): Promise<number>;
  /** Spools what is not written, at once (the last resort of a process that must exit now). */
  spoolNow(): number;
}

export function createWritePath(options: WritePathOptions): WritePath {
  const { store, clock, errors, spool } = options;
  const write = options.batch ? createWriteBatcher({ store, clock, ...options.batch }) : store.recordCheck;
  const buffer = createWriteBuffer({
    store: { recordCheck: write, recordChecks: store.recordChecks },
    clock,
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
    ...(options.slowAfterMs === undefined ? {} : { slowAfterMs: options.slowAfterMs }),
    onError: (error, detail) => errors.record('store_write', error, detail),
    onWritten: options.onWritten,
  });
  let spooled: number | null = null;

  function spoolNow(): number {
    if (!spool) return 0;
    if (spooled !== null) return spooled;
    const pending = buffer.pending();
    try {
      spool.save(pending.map(toSpooled));
      spooled = pending.length;
    } catch (error) {
      errors.record('store_write', error, `${pending.length} results not yet stored could not be saved to ${spool.file}; they are lost`);
      spooled = 0;
    }
    return spooled;
  }

  return {
    buffer,
    restore() {
      if (!spool) return [];
      const writes = spool.claim();
      const inputs = writes.map((w): CheckWrite => ({
        result: w.result,
        tracking: w.tracking,
        rollups: w.rollups,
        event: w.decide ? options.decider(w) : null,
        lease: w.lease ?? options.restoredLease ?? null,
      }));
      buffer.restore(inputs, (done) => {
        try {
          spool.replayed(done);
        } catch (error) {
          errors.record('store_write', error, `could not update ${spool.file}`);
        }
      });
      return [...new Map(writes.map((w) => [w.tracking.serviceId, w.tracking])).values()];
    },
    async shutdown(until) {
      await buffer.drain(until);
      // The batch being written when time ran out settles (bounded by the store's timeouts) before
      // the rest is spooled, so nothing is both committed and spooled; past one more second it is spooled too.
      let timer: unknown;
      await Promise.race([buffer.stop(), new Promise((resolve) => (timer = clock.setTimeout(() => resolve(undefined), 1_000)))]);
      clock.clearTimeout(timer);
      return spoolNow();
    },
    spoolNow,
  };
}

function toSpooled(write: CheckWrite): SpooledWrite {
  return {
    result: write.result,
    tracking: write.tracking,
    rollups: write.rollups,
    decide: write.event !== null,
    lease: write.lease ?? null,
  };
}
