import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../src/config/services-schema.ts';
import { createChecker } from '../../src/probe/check/create-checker.ts';
import { systemClock } from '../../src/probe/clock.ts';
import type { Runner } from '../../src/probe/runner.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { refuse, status, up } from '../fake-gov/behaviours.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { catalogue, service } from './support/catalogue.ts';
import { createManualClock } from '../support/manual-clock.ts';
import { createTestRunner } from '../support/test-runner.ts';
import { withShownWords } from '../../src/i18n/probe-words.ts';

/**
 * The real pipeline: the real checker against the fake government, a real SQLite store. The
 * runner's own timers are on a manual clock so the tests drive each check; one test lets the real
 * scheduler run on real time.
 */
let gov: FakeGov;
let dir: string;
let dbPath: string;
let store: Store;
const runners: Runner[] = [];
const checker = createChecker({ userAgent: 'Vigie-probe/test (+http://127.0.0.1)' });

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
});
afterAll(async () => {
  await gov.stop();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-probe-runner-'));
  dbPath = join(dir, 'vigie.db');
  store = await openStore(dbPath);
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(0)));
  await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

function svc(id: string, patch: Partial<ServiceConfig> = {}): ServiceConfig {
  return service(id, gov.url(id), patch);
}

function runnerFor(services: ServiceConfig[], canaries: string[] = [], on: Store = store): Runner {
  const runner = createTestRunner({
    catalogue: catalogue(services, canaries),
    store: on,
    checker,
    concurrency: 20,
    perHost: 50,
    clock: createManualClock(Date.now()),
  });
  runners.push(runner);
  return runner;
}

async function checkTimes(runner: Runner, id: string, times: number) {
  const events = [];
  for (let i = 0; i < times; i += 1) events.push((await runner.checkService(id))?.event?.type ?? null);
  return events;
}

describe('probe runner against the fake government', () => {
  it('opens an automatic incident after N failures and resolves it after M successes, with its duration', async () => {
    gov.set('caf', status(503));
    const runner = runnerFor([svc('caf')]);
    await runner.cycle();
    expect(await checkTimes(runner, 'caf', 3)).toEqual([null, null, 'confirmed_down']);
    const open = await store.listIncidents({ state: 'open', limit: 10 });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ kind: 'auto', serviceId: 'caf', status: 'investigating' });
    expect(open.items[0]?.updates[0]?.observed).toMatchObject({ type: 'outage', outcome: 'http_5xx', checkKind: 'http', step: null });
    expect(withShownWords(open.items[0]!, { fr: 'Service caf', en: 'Service caf' }).title.fr).toBe(
      'Service caf\u00a0: le site affiche une erreur',
    );
    expect(await checkTimes(runner, 'caf', 1)).toEqual([null]);
    gov.set('caf', up());
    expect(await checkTimes(runner, 'caf', 2)).toEqual([null, 'confirmed_up']);
    const resolved = await store.listIncidents({ state: 'resolved', limit: 10 });
    const shown = withShownWords(resolved.items[0]!, { fr: 'Service caf', en: 'Service caf' });
    expect(shown.updates.at(-1)?.body.fr).toMatch(
      /^Rétabli après \d+\u00a0s\u00a0: nos sondes voient de nouveau \S+ fonctionner normalement\.$/,
    );
    expect(shown.updates.at(-1)?.body.en).toMatch(/^Restored after \d+\u00a0s: our probes see \S+ working normally again\.$/);
    expect((await store.listTrackings())[0]).toMatchObject({ state: 'operational', openIncidentId: null });
  });

  it('keeps confirmation counters across a restart', async () => {
    gov.set('ants', status(500));
    const first = runnerFor([svc('ants')]);
    expect(await checkTimes(first, 'ants', 2)).toEqual([null, null]);
    await first.stop(0);
    await store.close();
    store = await openStore(dbPath);
    const second = runnerFor([svc('ants')]);
    await second.start();
    await second.cycle();
    expect(await checkTimes(second, 'ants', 1)).toEqual(['confirmed_down']);
    const tracking = (await store.listTrackings())[0];
    expect(tracking).toMatchObject({ state: 'down', failureStreak: 3 });
    expect(tracking?.openIncidentId).toEqual((await store.listIncidents({ state: 'open', limit: 1 })).items[0]?.id);
  });

  it('suspects itself when the canaries fail too: results stored as probe offline, no incident', async () => {
    gov.set('impots', refuse());
    const runner = runnerFor([svc('impots')], [`${gov.refused}/canary-a`, `${gov.refused}/canary-b`]);
    await runner.start();
    expect(await checkTimes(runner, 'impots', 5)).toEqual([null, null, null, null, null]);
    expect((await store.listIncidents({ state: 'all', limit: 10 })).total).toBe(0);
    const results = await store.listResults('impots', { limit: 10 });
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.probeOffline && r.outcome === 'refused')).toBe(true);
    await runner.cycle();
    expect((await store.listHeartbeats())[0]).toMatchObject({ location: 'test', canariesHealthy: false });
    expect(runner.status().probeHealthy).toBe(false);
  });

  it('reports a mass outage when the canaries answer', async () => {
    const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    for (const id of ids) gov.set(id, refuse());
    const runner = runnerFor(
      ids.map((id) => svc(id)),
      [gov.url('canary-up')],
    );
    await runner.start();
    for (let round = 0; round < 3; round += 1) for (const id of ids) await runner.checkService(id);
    const open = await store.listIncidents({ state: 'open', limit: 10 });
    expect(open.items.map((i) => i.serviceId).sort()).toEqual(ids);
    expect(runner.status().probeHealthy).toBe(true);
  });

  it('without canaries, everything failing the same way at once is the probe, not the State', async () => {
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    for (const id of ids) gov.set(id, refuse());
    const runner = runnerFor(ids.map((id) => svc(id)));
    for (let round = 0; round < 4; round += 1) for (const id of ids) await runner.checkService(id);
    expect((await store.listIncidents({ state: 'all', limit: 10 })).total).toBe(0);
    expect((await store.listResults('n6', { limit: 10 })).every((r) => r.probeOffline)).toBe(true);
    expect(runner.status().probeHealthy).toBe(false);
    gov.set('n1', up());
    await runner.checkService('n1');
    expect(runner.status().probeHealthy).toBe(true);
  });

  it('shows maintenance instead of opening an outage during a window', async () => {
    gov.set('urssaf', status(503));
    const now = Date.now();
    await store.createMaintenance({
      title: { fr: 'Mise à jour', en: 'Upgrade' },
      body: { fr: 'Mise à jour', en: 'Upgrade' },
      serviceIds: ['urssaf'],
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 3_600_000),
      author: 'staff@example.org',
      at: new Date(now - 120_000),
    });
    const runner = runnerFor([svc('urssaf')]);
    await runner.start();
    expect(await checkTimes(runner, 'urssaf', 4)).toEqual([null, null, null, null]);
    expect(runner.status().services[0]?.state).toBe('maintenance');
    expect((await store.listIncidents({ state: 'all', limit: 10 })).total).toBe(0);
  });

  it('on real time, the scheduler checks, re-checks quickly and confirms the outage by itself', async () => {
    gov.set('francetravail', status(502));
    let opened: (incidentId: string) => void = () => undefined;
    const incident = new Promise<string>((resolve) => (opened = resolve));
    // The store as the runner sees it, telling the test the moment an outage is recorded.
    const watched: Store = Object.assign(Object.create(store) as Store, {
      recordCheck: async (input: Parameters<Store['recordCheck']>[0]) => {
        const recorded = await store.recordCheck(input);
        if (recorded.incidentId !== null) opened(recorded.incidentId);
        return recorded;
      },
    });
    const runner = createTestRunner({
      catalogue: catalogue([svc('francetravail', { interval: 30, detection: { failuresBeforeDown: 3, successesBeforeUp: 2 } })]),
      store: watched,
      checker,
      clock: systemClock,
      random: () => 0,
      recheckDelayMs: 150,
    });
    runners.push(runner);
    await runner.start();
    const incidentId = await incident;
    expect((await store.listIncidents({ state: 'open', limit: 1 })).items.map((i) => i.id)).toEqual([incidentId]);
    expect(runner.status().scheduler.rechecks).toBeGreaterThanOrEqual(2);
  });
});
