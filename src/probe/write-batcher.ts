import type { CheckWritten } from '../domain/records.ts';
import type { RecordCheckInput } from '../store/sql/record-check.ts';
import type { Store } from '../store/store.ts';
import type { ProbeClock } from './clock.ts';

/**
 * Group commit: results wait at most `windowMs` (or until `maxSize` are waiting) and are written
 * in one transaction, so a database far away costs a few round trips per batch instead of several
 * per result. A result is acknowledged (its `write` resolves) only once its batch has committed:
 * a kill -9 loses at most results not yet acknowledged, which the probe has not counted as stored.
 * A batch that fails is retried one result at a time, so one bad row cannot sink the others.
 */
export interface WriteBatcherOptions {
  store: Pick<Store, 'recordChecks'>;
  clock: ProbeClock;
  windowMs: number;
  maxSize: number;
}

export type WriteCheck = (input: RecordCheckInput) => Promise<CheckWritten>;

interface Waiting {
  input: RecordCheckInput;
  resolve(value: CheckWritten): void;
  reject(error: unknown): void;
}

export function createWriteBatcher(options: WriteBatcherOptions): WriteCheck {
  const { store, clock } = options;
  let waiting: Waiting[] = [];
  let timer: unknown = null;
  // Batches commit one after another, in the order results arrived.
  let previous: Promise<void> = Promise.resolve();

  function flush(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    previous = previous.then(() => commit(batch));
  }

  async function commit(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await store.recordChecks(batch.map((w) => w.input));
      batch.forEach((w, i) => w.resolve(outcomes[i]!));
    } catch {
      for (const w of batch) {
        await store.recordChecks([w.input]).then(
          ([outcome]) => w.resolve(outcome!),
          (error: unknown) => w.reject(error),
        );
      }
    }
  }

  return (input) =>
    new Promise((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (waiting.length >= options.maxSize) flush();
      else if (timer === null) timer = clock.setTimeout(flush, options.windowMs);
    });
}
