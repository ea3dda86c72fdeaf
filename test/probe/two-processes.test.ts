import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/config/services-schema.ts';
import { createChecker } from '../../src/probe/check/create-checker.ts';
import type { Runner } from '../../src/probe/runner.ts';
import { buildSnapshot } from '../../src/status/snapshot.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { status } from '../fake-gov/behaviours.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { createManualClock, type ManualClock } from '../support/manual-clock.ts';
import { catalogue, service } from './support/catalogue.ts';
import { createTestRunner } from '../support/test-runner.ts';

/**
 * Two real runners at one location on one real store, the way two probe processes share Paris:
 * one's network is cut (its canaries are refused), the other's works. Each process keeps its own
 * heartbeat, so whichever writes last, Paris keeps voting with the healthy one's checks, and the
 * decider under the service's lock confirms an outage it sees; once the healthy one falls silent,
 * Paris stops voting instead of being vouched for by a dead process.
 */
const PARIS = { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' };
const FOUR_MINUTES = 4 * 60_000;

let gov: FakeGov;
let dir: string;
let store: Store;
const runners: Runner[] = [];
const checker = createChecker({ userAgent: 'Vigie-probe/test (+http://127.0.0.1)' });

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-two-processes-'));
  store = await openStore(join(dir, 'vigie.db'));
});
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop(0)));
  await store.close();
  await gov.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A process at Paris checking `services` (its share, as leases would give it), its canaries at `canaries`. */
function processAtParis(processId: string, services: Catalogue['services'], canaries: string[], clock: ManualClock): Runner {
  const runner = createTestRunner({
    catalogue: { ...catalogue(services, canaries), locations: [PARIS] },
    store,
    checker,
    location: PARIS.id,
    processId,
    perHost: 5,
    clock,
  });
  runners.push(runner);
  return runner;
}

describe('two probe processes at one location, one with a cut network', () => {
  it('keeps the location voting steadily whoever writes last, and lets the decider confirm an outage', async () => {
    const caf = service('caf', gov.url('caf'));
    const ants = service('ants', gov.url('ants'));
    const all: Catalogue = { ...catalogue([caf, ants]), locations: [PARIS] };
    const clock = createManualClock(Date.now());
    const healthy = processAtParis('host-a:101:aaaaaa', [caf], [gov.url('canary-up')], clock);
    const cut = processAtParis('host-b:202:bbbbbb', [ants], [`${gov.refused}/canary-a`, `${gov.refused}/canary-b`], clock);

    const parisReading = async (now: Date) => {
      const snapshot = buildSnapshot({
        catalogue: all,
        trackings: await store.listTrackings(),
        heartbeats: await store.listHeartbeats(),
        openIncidents: [],
        maintenances: [],
        dataVersion: await store.dataVersion(),
        now,
      });
      return snapshot.services.find((s) => s.id === 'caf')!.locations.find((l) => l.location === 'paris')!;
    };

    const rounds: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      // Turn about: half the rounds the process with a cut network writes its heartbeat last.
      const order = round % 2 === 0 ? [healthy, cut] : [cut, healthy];
      for (const runner of order) {
        await clock.advance(5_000);
        await runner.cycle();
      }
      await healthy.checkService('caf');
      await cut.checkService('ants');
      const reading = await parisReading(new Date(clock.now()));
      rounds.push(`${reading.voting ? 'votes' : `silent (${reading.silentReason})`}, ${reading.processesAlive} alive`);
    }
    expect(cut.status().probeHealthy).toBe(false);
    expect(healthy.status().probeHealthy).toBe(true);
    expect(rounds).toEqual(Array.from({ length: 6 }, () => 'votes, 2 alive'));
    expect((await store.listHeartbeats()).map((h) => [h.process, h.canariesHealthy])).toEqual([
      ['host-a:101:aaaaaa', true],
      ['host-b:202:bbbbbb', false],
    ]);

    // The decider runs under the service's lock with every process's heartbeat: the doubting
    // process writing last does not stop Paris from confirming what it sees.
    gov.set('caf', status(503));
    const events: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      events.push((await healthy.checkService('caf'))?.event?.type ?? null);
      await clock.advance(5_000);
      await cut.cycle();
    }
    expect(events).toEqual([null, null, 'confirmed_down']);
    expect((await store.listIncidents({ state: 'open', limit: 10 })).items.map((i) => i.serviceId)).toEqual(['caf']);

    // The healthy process falls silent; the one left doubts its network: Paris stops voting.
    await clock.advance(FOUR_MINUTES);
    await cut.cycle();
    const later = await parisReading(new Date(clock.now()));
    expect(later).toMatchObject({ voting: false, silentReason: 'probe_offline', processesAlive: 1 });
  });
});
