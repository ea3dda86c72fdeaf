import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { startRecorder } from './child-recorder.ts';
import { at, check, opened } from './contract-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a busy SQLite file', () => {
  it('two connections writing at once: every write lands, retried instead of failing', async () => {
    const path = join(dir, 'two-connections.db');
    let retries = 0;
    // No blocking wait at all: every lock conflict goes through the asynchronous retry.
    const options = { busyTimeoutMs: 0, onBusyRetry: () => (retries += 1) };
    const a = await openSqliteStore(path, options);
    const b = await openSqliteStore(path, options);
    const writes = (store: typeof a, serviceId: string) =>
      Promise.all(Array.from({ length: 150 }, (_, i) => check(store, { serviceId, at: at(i), previous: i ? at(i - 1) : null })));
    await Promise.all([writes(a, 'caf'), writes(b, 'impots'), writes(a, 'ameli'), writes(b, 'urssaf')]);
    for (const serviceId of ['caf', 'impots', 'ameli', 'urssaf']) {
      expect(await a.listResults(serviceId, { limit: 1000 })).toHaveLength(150);
    }
    const hours = await b.listRollups({ granularity: 'hour', from: at(-3600), to: at(3600) });
    expect(hours.reduce((sum, h) => sum + h.checks, 0)).toBe(600);
    expect(retries).toBeGreaterThan(0);
    console.info(`two connections, 600 checks: ${retries} busy retries, none lost`);
    await Promise.all([a.close(), b.close()]);
  });

  it('two connections reporting the same outage open one incident', async () => {
    const path = join(dir, 'outage.db');
    const a = await openSqliteStore(path, { busyTimeoutMs: 0 });
    const b = await openSqliteStore(path, { busyTimeoutMs: 0 });
    const report = (store: typeof a, s: number) =>
      check(store, { at: at(s), state: 'down', outcome: 'timeout', event: opened('impots', at(0)) });
    const results = await Promise.all([report(a, 60), report(b, 61), report(a, 62), report(b, 63)]);
    expect(new Set(results.map((r) => r.incidentId)).size).toBe(1);
    expect((await a.listIncidents({ limit: 10 })).total).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('two processes writing to one file: every acknowledged write is there', async () => {
    const path = join(dir, 'two-processes.db');
    await (await openStore(path)).close();
    const writers = [startRecorder(path, 'caf', { count: 400 }), startRecorder(path, 'impots', { count: 400 })];
    const exits = await Promise.all(writers.map((w) => w.exited));
    expect(exits.map((e) => [e.code, e.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const store = await openStore(path);
    for (const [i, serviceId] of ['caf', 'impots'].entries()) {
      const stored = await store.listResults(serviceId, { limit: 1000 });
      expect(stored).toHaveLength(400);
      expect(writers[i]!.acked).toHaveLength(400);
    }
    await store.close();
  });
});
