import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/config/services-schema.ts';
import { createChecker } from '../../src/probe/check/create-checker.ts';
import type { Runner } from '../../src/probe/runner.ts';
import { loadServiceHistory, loadSnapshot } from '../../src/status/load.ts';
import { uptimeOverBars } from '../../src/status/uptime.ts';
import type { DayBar } from '../../src/status/views.ts';
import type { Store } from '../../src/store/store.ts';
import { reset, status } from '../fake-gov/behaviours.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { requirePostgres, schemaFactory } from '../store/postgres-support.ts';
import { FIXED_CLOCKS } from '../support/fixed-clocks.ts';
import { createManualClock, type ManualClock } from '../support/manual-clock.ts';
import { catalogue, service } from './support/catalogue.ts';
import { createTestRunner } from '../support/test-runner.ts';
import { storeBackends } from '../support/store-backends.ts';

/**
 * Three locations in one process, each leaving from its own loopback address, on one real store:
 * what the day bars and uptime keep of a geo-fence and of an outage seen everywhere. Every location
 * gives its share of the time to the quorum's verdict, so history says what the page said.
 */
const LOCATIONS = [
  { id: 'paris', address: '127.0.0.2', country: 'FR' },
  { id: 'lyon', address: '127.0.0.3', country: 'FR' },
  { id: 'montreal', address: '127.0.0.4', country: 'CA' },
];
const MONTREAL = LOCATIONS[2]!;
const INTERVAL_S = 60;
const ROUNDS = 6;

const schemas = schemaFactory('vigie_locations_history');
let postgresUp = false;
let gov: FakeGov;
beforeAll(async () => {
  postgresUp = await requirePostgres('test/probe/locations-history.test.ts');
  gov = await startFakeGov({ tls: false });
});
afterAll(async () => {
  await gov.stop();
  await schemas.dropAll();
});

const BACKENDS = storeBackends(schemas);

function totals(bars: DayBar[]) {
  const sum = (pick: (b: DayBar) => number) => bars.reduce((total, b) => total + pick(b), 0);
  return { operational: sum((b) => b.operationalSeconds), degraded: sum((b) => b.degradedSeconds), down: sum((b) => b.downSeconds) };
}

describe.each(BACKENDS)('history of a service seen from three locations on %s', (backend, open) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let runners: Runner[] = [];
  afterEach(async () => {
    await Promise.all(runners.map((r) => r.stop(0)));
    runners = [];
    await dispose?.();
  });

  function runnersFor(located: Catalogue, clock: ManualClock): Runner[] {
    return LOCATIONS.map((l) =>
      createTestRunner({
        catalogue: located,
        store,
        checker: createChecker({ userAgent: 'Vigie-probe/test (+http://127.0.0.1)', localAddress: l.address, clock: clock.now }),
        location: l.id,
        processId: `${l.id}-host:1:aaaaaa`,
        perHost: 5,
        clock,
      }),
    );
  }

  it('keeps a geo-fence as degraded, with no downtime, and counts an outage seen everywhere as down', async (context) => {
    if (backend === 'postgres' && !postgresUp) context.skip();
    ({ store, dispose } = await open());
    gov.set('panne', status(503));
    gov.setFrom(MONTREAL.address, 'geo', reset());
    const detection = { failuresBeforeDown: 2, successesBeforeUp: 2 };
    const located: Catalogue = {
      ...catalogue(
        ['geo', 'panne'].map((id) => service(id, gov.url(id), { interval: INTERVAL_S, detection })),
        [gov.url('canary')],
      ),
      locations: LOCATIONS.map((l) => ({ id: l.id, name: { fr: l.id.toUpperCase(), en: l.id.toUpperCase() }, country: l.country })),
    };
    // Timers never fire: the test moves time with `stall` and drives every check and refresh itself.
    const clock = createManualClock(FIXED_CLOCKS[0]!.at.getTime());
    runners = runnersFor(located, clock);
    for (const runner of runners) await runner.start();

    for (let round = 0; round < ROUNDS; round += 1) {
      if (round > 0) clock.stall(INTERVAL_S * 1000);
      for (const runner of runners) {
        await runner.cycle();
        await runner.refreshPeers();
        await runner.checkService('geo');
        await runner.checkService('panne');
      }
    }

    const ctx = { store, catalogue: located };
    const now = new Date(clock.now());
    const snapshot = await loadSnapshot(ctx, now);
    const geo = snapshot.services.find((s) => s.id === 'geo')!;
    expect(geo).toMatchObject({ state: 'degraded', regional: { reason: 'abroad_only', locations: ['montreal'] } });
    expect(geo.locations.map((l) => [l.location, l.ownState])).toEqual([
      ['paris', 'operational'],
      ['lyon', 'operational'],
      ['montreal', 'down'],
    ]);
    const geoBars = (await loadServiceHistory(ctx, geo, now)).bars;
    // Each location's first check covers one interval; each later round another, split in thirds.
    // Paris and Lyon checked first in round 0, before Montreal's failure: operational then.
    const monitored = ROUNDS * INTERVAL_S;
    const geoTime = totals(geoBars);
    expect(geoTime.down).toBe(0);
    expect(geoTime.operational).toBeCloseTo((2 * INTERVAL_S) / 3);
    expect(geoTime.degraded).toBeCloseTo(monitored - (2 * INTERVAL_S) / 3);
    expect(uptimeOverBars(geoBars)).toBe(100);
    expect(geoBars.at(-1)?.level).toBe('degraded');

    const panne = snapshot.services.find((s) => s.id === 'panne')!;
    expect(panne.state).toBe('down');
    const panneTime = totals((await loadServiceHistory(ctx, panne, now)).bars);
    // Round 0: each sees a first failure (degraded). Round 1: Paris confirms alone (degraded);
    // Lyon then makes the majority, and Montreal joins: down from there on, everywhere.
    expect(panneTime.degraded).toBeCloseTo(INTERVAL_S + INTERVAL_S / 3);
    expect(panneTime.down).toBeCloseTo(monitored - INTERVAL_S - INTERVAL_S / 3);
    expect(panneTime.operational).toBe(0);
    expect((await store.listIncidents({ state: 'all', limit: 10 })).items.map((i) => i.serviceId)).toEqual(['panne']);
  });
});
