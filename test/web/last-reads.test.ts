import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createSnapshotRows } from '../../src/status/snapshot-rows.ts';
import { rememberLastReads, StoreUnreachableError } from '../../src/web/last-reads.ts';
import { recordServiceState } from '../support/seed-site.ts';

let dir: string;
let real: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-last-reads-'));
  real = await openStore(join(dir, 'vigie.db'));
});
afterEach(async () => {
  await real.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('last reads of the store', () => {
  it('answers the same questions from memory once the store is gone, and says since when', async () => {
    let now = Date.parse('2026-11-24T21:00:00Z');
    const { store, reach } = rememberLastReads(real, { now: () => now, retryAfterMs: 1000 });
    await recordServiceState(real, 'caf', 'operational', new Date(now));
    const version = await store.dataVersion();
    const trackings = await store.listTrackings();
    await store.listMaintenances({ endsAfter: new Date(now), limit: 10 });
    expect(reach.unreachableSince()).toBeNull();
    expect(reach.everAnswered()).toBe(true);

    await real.close();
    now += 5000;
    expect(await store.listTrackings()).toEqual(trackings);
    expect(reach.unreachableSince()).toEqual(new Date(now));
    // The same question at a later moment (a window ending "now") still has its last answer.
    expect(await store.listMaintenances({ endsAfter: new Date(now), limit: 10 })).toEqual([]);
    // A version of its own while away, so pages cached before are rendered again.
    expect(await store.dataVersion()).toBe(-1 - version);
    await expect(store.listIncidents({ state: 'all', serviceId: 'caf', limit: 5 })).rejects.toBeInstanceOf(StoreUnreachableError);
    expect(reach.stats()).toMatchObject({ remembered: 3, failures: 1 });
  });

  it('remembers every read the status snapshot is built from, so last-known pages outlive the store', async () => {
    let now = Date.parse('2026-11-24T21:00:00Z');
    const { store } = rememberLastReads(real, { now: () => now, retryAfterMs: 1000 });
    await recordServiceState(real, 'caf', 'operational', new Date(now));
    // Rows read again on every call: each of the snapshot's questions goes to the store (its clock read on this test's).
    const rows = createSnapshotRows(store, { maxAgeMs: 0, hostNow: () => now });
    const before = await rows.read(new Date(now));

    await real.close();
    now += 5000;
    const after = await rows.read(new Date(now));
    expect({ ...after, dataVersion: 0 }).toEqual({ ...before, dataVersion: 0 });
  });

  it('tries the store again after a pause and forgets the outage when it answers', async () => {
    let now = 0;
    let down = true;
    const flaky = new Proxy(real, {
      get: (target, property, receiver) =>
        property === 'listTrackings'
          ? () => (down ? Promise.reject(new Error('ECONNREFUSED')) : target.listTrackings())
          : Reflect.get(target, property, receiver),
    });
    const { store, reach } = rememberLastReads(flaky, { now: () => now, retryAfterMs: 1000 });
    await expect(store.listTrackings()).rejects.toBeInstanceOf(StoreUnreachableError);
    expect(reach.everAnswered()).toBe(false);
    down = false;
    await expect(store.listTrackings()).rejects.toBeInstanceOf(StoreUnreachableError);
    now += 1000;
    expect(await store.listTrackings()).toEqual([]);
    expect(reach.unreachableSince()).toBeNull();
  });

  it('keeps the start of an outage while some reads still fail, though others answer', async () => {
    let now = 0;
    // Too many clients: new connections are refused while a pooled one still answers, a moment later.
    const refused = new Set(['listIncidents']);
    const partly = new Proxy(real, {
      get: (target, property, receiver) => {
        if (typeof property === 'string' && refused.has(property))
          return () => Promise.reject(new Error('sorry, too many clients already'));
        if (property === 'listTrackings') return () => new Promise((resolve) => setImmediate(resolve)).then(() => target.listTrackings());
        return Reflect.get(target, property, receiver);
      },
    });
    const { store, reach } = rememberLastReads(partly, { now: () => now, retryAfterMs: 1000 });
    await store.listTrackings();
    await expect(store.listIncidents({ limit: 5 })).rejects.toBeInstanceOf(StoreUnreachableError);
    now += 1000;
    const [incidents] = await Promise.allSettled([store.listIncidents({ limit: 5 }), store.listTrackings()]);
    expect(incidents.status).toBe('rejected');
    expect(reach.unreachableSince()).toEqual(new Date(0));
    refused.clear();
    now += 1000;
    await store.listIncidents({ limit: 5 });
    expect(reach.unreachableSince()).toBeNull();
  });
});
