import { describe, expect, it } from 'vitest';
import { createBacklogSizer, FIRST_BATCH, MAX_BATCH } from '../../src/probe/backlog-sizer.ts';

/** Batch sizes for a backlog: each row is what the store did with the batches so far, and the size of the next one. */
describe('backlog batch size', () => {
  it.each<[string, (s: ReturnType<typeof createBacklogSizer>) => void, number]>([
    ['starts small enough for any store', () => undefined, FIRST_BATCH],
    ['doubles after a quick full batch', (s) => s.took(FIRST_BATCH, 50), FIRST_BATCH * 2],
    ['keeps its size after a partial batch (the tail of the backlog)', (s) => s.took(10, 5), FIRST_BATCH],
    ['keeps its size after a batch of about a second', (s) => s.took(FIRST_BATCH, 900), FIRST_BATCH],
    ['halves after a slow batch', (s) => s.took(FIRST_BATCH, 3_000), FIRST_BATCH / 2],
    [
      'never grows past its cap',
      (s) => {
        for (let i = 0; i < 20; i += 1) s.took(s.size(), 10);
      },
      MAX_BATCH,
    ],
    ['narrows a refused batch to its half', (s) => s.isolate(250), 125],
    [
      'narrows down to a single row',
      (s) => {
        for (let n = 250; n > 1; n = s.size()) s.isolate(n);
      },
      1,
    ],
    [
      'grows again once the refused row is gone',
      (s) => {
        s.isolate(2);
        s.took(1, 5);
      },
      2,
    ],
  ])('%s', (_what, history, next) => {
    const sizer = createBacklogSizer();
    history(sizer);
    expect(sizer.size()).toBe(next);
  });
});
