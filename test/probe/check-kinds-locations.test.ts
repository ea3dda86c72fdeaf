import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, ServiceConfig } from '../../src/config/services-schema.ts';
import { createChecker } from '../../src/probe/check/create-checker.ts';
import type { Runner } from '../../src/probe/runner.ts';
import { loadSnapshot } from '../../src/status/load.ts';
import type { Store } from '../../src/store/store.ts';
import { requirePostgres, schemaFactory } from '../store/postgres-support.ts';
import { FIXED_CLOCKS } from '../support/fixed-clocks.ts';
import { createManualClock, type ManualClock } from '../support/manual-clock.ts';
import { storeBackends } from '../support/store-backends.ts';
import { createTestRunner } from '../support/test-runner.ts';
import { json, startApiServer, text, type ApiServer } from './check/support/api-server.ts';
import { answer, nxdomain, servfail, startDnsServer, type DnsServer } from './check/support/dns-server.ts';
import { catalogue, service } from './support/catalogue.ts';

/**
 * DNS, heartbeat and journey checks through the whole probe, from three locations in one process
 * (each leaving from its own loopback address) on one real store: confirmation, the quorum of
 * locations, the automatic incident, and what the page is told, exactly as for web checks.
 */
const LOCATIONS = [
  { id: 'paris', address: '127.0.0.2', country: 'FR' },
  { id: 'lyon', address: '127.0.0.3', country: 'FR' },
  { id: 'montreal', address: '127.0.0.4', country: 'CA' },
];
const INTERVAL_S = 60;
const NAME = 'impots.gouv.test';

const schemas = schemaFactory('vigie_check_kinds');
let postgresUp = false;
let dns: DnsServer;
let api: ApiServer;
beforeAll(async () => {
  postgresUp = await requirePostgres('test/probe/check-kinds-locations.test.ts');
  [dns, api] = await Promise.all([startDnsServer(), startApiServer()]);
  api.on('/canary', text(200, 'ok'));
});
afterAll(async () => {
  await Promise.all([dns.stop(), api.stop()]);
  await schemas.dropAll();
});

const detection = { failuresBeforeDown: 2, successesBeforeUp: 2 };

function located(services: ServiceConfig[]): Catalogue {
  return {
    ...catalogue(services, [`${api.base}/canary`]),
    locations: LOCATIONS.map((l) => ({ id: l.id, name: { fr: l.id.toUpperCase(), en: l.id.toUpperCase() }, country: l.country })),
  };
}

const dnsService = service('dns-impots', `https://${NAME}/`, {
  interval: INTERVAL_S,
  timeout: 1,
  detection,
  check: { kind: 'dns', name: NAME, record: 'A', resolvers: null, byLocation: {}, expect: ['192.0.2.10'] },
});

describe.each(storeBackends(schemas))('checks beyond one GET from three locations on %s', (backend, open) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let runners: Runner[] = [];
  let clock: ManualClock;
  afterEach(async () => {
    await Promise.all(runners.map((r) => r.stop(0)));
    runners = [];
    await dispose?.();
  });

  async function start(services: ServiceConfig[], resolvers: boolean) {
    ({ store, dispose } = await open());
    const byLocation = resolvers ? Object.fromEntries(LOCATIONS.map((l) => [l.id, [dns.address]])) : {};
    const withResolvers = services.map((s) => (s.check?.kind === 'dns' ? { ...s, check: { ...s.check, byLocation } } : s));
    const cat = located(withResolvers);
    clock = createManualClock(FIXED_CLOCKS[0]!.at.getTime());
    runners = LOCATIONS.map((l) =>
      createTestRunner({
        catalogue: cat,
        store,
        checker: createChecker({
          userAgent: 'test',
          localAddress: l.address,
          clock: clock.now,
          lastBeat: (id) => store.lastServiceBeat(id),
        }),
        location: l.id,
        processId: `${l.id}-host:1:aaaaaa`,
        clock,
      }),
    );
    for (const runner of runners) await runner.start();
    return { snapshot: () => loadSnapshot({ store, catalogue: cat }, new Date(clock.now())) };
  }

  async function round(ids: string[]) {
    clock.stall(INTERVAL_S * 1000);
    for (const runner of runners) {
      await runner.cycle();
      await runner.refreshPeers();
      for (const id of ids) await runner.checkService(id);
    }
  }

  it('confirms a DNS outage by quorum, and calls a failure abroad only what it is', async (context) => {
    if (backend === 'postgres' && !postgresUp) context.skip();
    const { snapshot } = await start([dnsService], true);
    dns.set(NAME, answer({ a: ['192.0.2.10'] }));
    dns.setFrom('127.0.0.4', NAME, servfail());
    for (let i = 0; i < 3; i++) await round(['dns-impots']);
    let view = (await snapshot()).services[0]!;
    expect(view).toMatchObject({ state: 'degraded', regional: { reason: 'abroad_only', locations: ['montreal'] } });
    expect(view.locations.map((l) => [l.location, l.ownState, l.lastOutcome])).toEqual([
      ['paris', 'operational', 'ok'],
      ['lyon', 'operational', 'ok'],
      ['montreal', 'down', 'dns_servfail'],
    ]);

    dns.set(NAME, nxdomain());
    dns.setFrom('127.0.0.4', NAME, nxdomain());
    await round(['dns-impots']);
    view = (await snapshot()).services[0]!;
    expect(view.state).not.toBe('down');
    await round(['dns-impots']);
    view = (await snapshot()).services[0]!;
    expect(view).toMatchObject({ state: 'down', lastOutcome: 'dns_nxdomain' });
    const incidents = await store.listIncidents({ state: 'all', limit: 5 });
    expect(incidents.items.map((i) => [i.serviceId, i.status])).toEqual([['dns-impots', 'investigating']]);

    dns.set(NAME, answer({ a: ['192.0.2.10'] }));
    dns.setFrom('127.0.0.4', NAME, answer({ a: ['192.0.2.10'] }));
    await round(['dns-impots']);
    await round(['dns-impots']);
    expect((await snapshot()).services[0]!.state).toBe('operational');
    expect((await store.listIncidents({ state: 'open', limit: 5 })).items).toEqual([]);
  });

  it('turns a heartbeat that stops into a confirmed outage, and a beat again into a recovery', async (context) => {
    if (backend === 'postgres' && !postgresUp) context.skip();
    const beat = service('paie', 'https://paie.gouv.test/', {
      interval: INTERVAL_S,
      detection,
      check: { kind: 'heartbeat', tokenEnv: 'VIGIE_BEAT_PAIE', interval: 300, grace: 60 },
    });
    const { snapshot } = await start([beat], false);
    await round(['paie']);
    expect((await snapshot()).services[0]).toMatchObject({ state: 'degraded', lastOutcome: 'heartbeat_missed' });
    await store.recordServiceBeat('paie', new Date(clock.now()));
    await round(['paie']);
    await round(['paie']);
    expect((await snapshot()).services[0]).toMatchObject({ state: 'operational', lastOutcome: 'ok' });
    // The job stops: 300 s of interval and 60 s of grace later, every location misses it.
    for (let i = 0; i < 6; i++) await round(['paie']);
    const stopped = (await snapshot()).services[0]!;
    expect(stopped).toMatchObject({ state: 'down', lastOutcome: 'heartbeat_missed' });
    expect((await store.listIncidents({ state: 'open', limit: 5 })).items.map((i) => i.serviceId)).toEqual(['paie']);
    await store.recordServiceBeat('paie', new Date(clock.now()));
    await round(['paie']);
    await round(['paie']);
    expect((await snapshot()).services[0]!.state).toBe('operational');
  });

  it('stores the journey step that fails, for the page to name it', async (context) => {
    if (backend === 'postgres' && !postgresUp) context.skip();
    api.on('/accueil', text(200, 'Bienvenue', { 'set-cookie': 'session=1; Path=/' }));
    api.on('/api/etat', json({ status: 'down' }));
    const step = (name: string, path: string, expect = { json: [], headers: [] } as never) => ({
      name: { fr: name, en: name },
      url: `${api.base}${path}`,
      method: 'GET' as const,
      body: null,
      contentType: null,
      followRedirects: true,
      expectStatus: '200-399',
      keyword: null,
      expect,
    });
    const journey = service('demarche', `${api.base}/`, {
      interval: INTERVAL_S,
      detection,
      check: {
        kind: 'journey',
        steps: [
          step('Accueil', '/accueil'),
          step('État du service', '/api/etat', {
            json: [{ text: '$.status == "ok"', query: '$.status', measure: 'value', operator: '==', expected: 'ok' }],
            headers: [],
          } as never),
        ],
      },
    });
    const { snapshot } = await start([journey], false);
    await round(['demarche']);
    await round(['demarche']);
    const view = (await snapshot()).services[0]!;
    expect(view).toMatchObject({ state: 'down', lastOutcome: 'json_mismatch', lastStep: 2 });
    const [latest] = await store.listResults('demarche', { limit: 1 });
    expect(latest).toMatchObject({ outcome: 'json_mismatch', step: 2 });
    expect(latest?.detail).toContain('step 2 (État du service)');
  });
});
