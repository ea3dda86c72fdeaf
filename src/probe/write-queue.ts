import type { Store } from '../store/store.ts';

export type CheckWrite = Parameters<Store['recordCheck']>[0];

/** A write waiting for the store, numbered in the order the probe made it. */
export interface Queued {
  seq: number;
  input: CheckWrite;
  /** Saved by an earlier run (the spool) and written before anything new. */
  restored: boolean;
}

/**
 * The writes waiting for the store, oldest first, with a count per service so "is a later result of
 * this service waiting?" costs nothing on a backlog of thousands. Past its capacity it drops the
 * oldest result that carries no outage decision, never one restored from the spool (those leave
 * from the head only, which is how the spool counts what it has replayed).
 */
export function createWriteQueue(capacity: number) {
  const items: Queued[] = [];
  const perService = new Map<string, number>();
  let dropped = 0;

  const serviceOf = (q: Queued) => q.input.tracking.serviceId;
  const count = (q: Queued, by: number) => {
    const n = (perService.get(serviceOf(q)) ?? 0) + by;
    if (n === 0) perService.delete(serviceOf(q));
    else perService.set(serviceOf(q), n);
  };

  function makeRoom(): void {
    if (items.length < capacity) return;
    let victim = items.findIndex((q) => !q.restored && q.input.event === null);
    if (victim === -1) victim = items.findIndex((q) => !q.restored);
    if (victim === -1) return;
    count(items[victim]!, -1);
    items.splice(victim, 1);
    dropped += 1;
  }

  return {
    get length() {
      return items.length;
    },
    dropped: () => dropped,
    head: (n: number) => items.slice(0, n),
    all: (): readonly Queued[] => items,
    oldest: (): Queued | undefined => items[0],
    /** Later results of this service are waiting. */
    has: (serviceId: string) => perService.has(serviceId),
    push(q: Queued): void {
      makeRoom();
      items.push(q);
      count(q, 1);
    },
    /** Back in its place by number: a write handed to the store that failed goes before everything queued after it. */
    putBack(q: Queued): void {
      makeRoom();
      let at = items.length;
      while (at > 0 && items[at - 1]!.seq > q.seq) at -= 1;
      items.splice(at, 0, q);
      count(q, 1);
    },
    shift(n: number): Queued[] {
      const gone = items.splice(0, n);
      for (const q of gone) count(q, -1);
      return gone;
    },
  };
}

export type WriteQueue = ReturnType<typeof createWriteQueue>;
