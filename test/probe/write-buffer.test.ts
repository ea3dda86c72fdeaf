import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSpool } from '../../src/probe/spool.ts';
import { createSwallowedErrors } from '../../src/probe/swallowed-errors.ts';
import { createWriteBuffer, type CheckWrite } from '../../src/probe/write-buffer.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { catalogue, scriptedChecker, service } from './support/catalogue.ts';
import { createManualClock } from '../support/manual-clock.ts';
import { createTestRunner } from '../support/test-runner.ts';
import { outageSeen } from '../support/records.ts';

let dir: string;
let real: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-buffer-'));
  real = await openStore(join(dir, 'vigie.db'));
});

afterEach(async () => {
  await real.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real store behind a switch: while `down`, every call fails as an unreachable server would. */
function switchable(store: Store): { store: Store; down: boolean } {
  const state = { down: false, store: store };
  state.store = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        state.down
          ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
  return state;
}

describe('probe write buffer', () => {
  it('keeps deciding during a store outage and writes every result and the incident once, in order, with real times', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T10:00:00Z'));
    const checker = scriptedChecker(clock.now);
    const outage = switchable(real);
    const runner = createTestRunner({
      catalogue: catalogue([service('caf', 'https://www.caf.fr/')]),
      store: outage.store,
      checker,
      concurrency: 1,
      perHost: 1,
      clock,
      errors: createSwallowedErrors({ log: () => undefined, now: clock.now }),
    });
    // The location's heartbeat: without one, its word does not count towards an outage.
    await runner.cycle();
    await runner.checkService('caf');
    outage.down = true;
    checker.set('caf', 'refused');
    const failedFrom = clock.now() + 1000;
    for (let i = 0; i < 3; i += 1) {
      await clock.advance(1000);
      await runner.checkService('caf');
    }
    expect(runner.status().services[0]?.state).toBe('down');
    checker.set('caf', 'ok');
    for (let i = 0; i < 2; i += 1) {
      await clock.advance(1000);
      await runner.checkService('caf');
    }
    expect(runner.status().buffer).toMatchObject({ size: 5, dropped: 0, written: 0 });
    expect((await real.listIncidents({ limit: 10 })).items).toEqual([]);

    outage.down = false;
    await clock.advance(10_000);
    expect(runner.status().buffer).toMatchObject({ size: 0, written: 5 });
    const results = await real.listResults('caf', { limit: 10 });
    expect(results.map((r) => r.outcome).reverse()).toEqual(['ok', 'refused', 'refused', 'refused', 'ok', 'ok']);
    const incidents = (await real.listIncidents({ state: 'all', limit: 10 })).items;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.startedAt.getTime()).toBe(failedFrom);
    expect(incidents[0]?.resolvedAt?.getTime()).toBe(failedFrom + 4000);
    expect((await real.listTrackings())[0]).toMatchObject({ state: 'operational', openIncidentId: null });
  });

  it('spools what the store did not take at shutdown; the next run writes it first and its state machine carries on', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T10:00:00Z'));
    const checker = scriptedChecker(clock.now);
    const outage = switchable(real);
    const spoolDir = join(dir, 'spool');
    const run = (name: string) =>
      createTestRunner({
        catalogue: catalogue([service('caf', 'https://www.caf.fr/')]),
        store: outage.store,
        checker,
        concurrency: 1,
        perHost: 1,
        clock,
        // The scheduler's first check of the service comes 30 s after start: the test makes every check itself.
        random: () => 0.5,
        spool: createSpool({ dir: spoolDir, location: 'test', run: name }),
        errors: createSwallowedErrors({ log: () => undefined, now: clock.now }),
      });
    const first = run('first');
    await first.start();
    await first.cycle();
    outage.down = true;
    checker.set('caf', 'refused');
    const failedFrom = clock.now() + 1000;
    for (let i = 0; i < 3; i += 1) {
      await clock.advance(1000);
      await first.checkService('caf');
    }
    expect(first.status().services[0]?.state).toBe('down');
    const stopping = first.stop(0, 1_000);
    await clock.advance(2_000);
    await stopping;

    outage.down = false;
    const second = run('second');
    await second.start();
    expect(second.status().services[0]?.state).toBe('down');
    await clock.advance(1_000);
    await second.checkService('caf');
    await clock.advance(1_000);
    await second.stop(0, 1_000);
    const outcomes = (await real.listResults('caf', { limit: 10 })).map((r) => r.outcome).reverse();
    expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused']);
    const incidents = (await real.listIncidents({ state: 'all', limit: 10 })).items;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.startedAt.getTime()).toBe(failedFrom);
  });

  it('drops the oldest plain results past its capacity, never an outage event, and counts them', async () => {
    const clock = createManualClock(0);
    const outage = switchable(real);
    outage.down = true;
    const buffer = createWriteBuffer({ store: outage.store, clock, capacity: 2 });
    const write = (serviceId: string, withEvent: boolean): CheckWrite => ({
      result: {
        serviceId,
        location: 'test',
        startedAt: new Date(clock.now()),
        outcome: 'ok',
        latencyMs: 1,
        httpStatus: 200,
        finalUrl: null,
        tlsExpiresAt: null,
        detail: null,
        probeOffline: false,
      },
      tracking: {
        serviceId,
        location: 'paris',
        state: 'down',
        since: new Date(0),
        lastCheckedAt: new Date(0),
        lastOutcome: 'ok',
        latencyMs: 1,
        failureStreak: 3,
        successStreak: 0,
        failureRunStartedAt: new Date(0),
        openIncidentId: null,
      },
      rollups: [],
      event: withEvent ? { type: 'outage_opened', serviceId, startedAt: new Date(0), observed: outageSeen('t.example.fr') } : null,
    });
    expect(await buffer.record(write('a', true))).toBe('buffered');
    expect(await buffer.record(write('b', false))).toBe('buffered');
    expect(await buffer.record(write('c', false))).toBe('buffered');
    expect(buffer.stats()).toMatchObject({ size: 2, capacity: 2, dropped: 1 });
    outage.down = false;
    await buffer.drain();
    expect((await real.listTrackings()).map((t) => t.serviceId).sort()).toEqual(['a', 'c']);
    await buffer.stop();
  });
});
