/**
 * How many buffered results to write in one transaction. Big batches are what make a backlog
 * drain fast (one commit, a few statements for thousands of rows), but one transaction holds the
 * service locks it takes until it commits, so a batch aims at about a second: it doubles while
 * batches are quick and halves when one is slow. `isolate` narrows a batch the database refused
 * down to the one row it refuses. Pure: the write buffer reports each batch.
 */
export const FIRST_BATCH = 250;
export const MAX_BATCH = 4_000;
const QUICK_MS = 400;
const SLOW_MS = 2_000;

export function createBacklogSizer(first = FIRST_BATCH, max = MAX_BATCH) {
  let size = first;
  return {
    size: () => size,
    took(count: number, ms: number): void {
      if (ms > SLOW_MS) size = Math.max(1, Math.floor(count / 2));
      else if (ms < QUICK_MS && count >= size) size = Math.min(max, size * 2);
    },
    isolate(count: number): void {
      size = Math.max(1, Math.ceil(count / 2));
    },
  };
}
