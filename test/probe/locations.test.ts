import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/config/load-catalogue.ts';
import { loadSnapshot } from '../../src/status/load.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { hang, status } from '../fake-gov/behaviours.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from '../store/postgres-support.ts';
import { startProbe, until, writeLocatedCatalogue, type ProbeLocation, type ProbeProcess } from './support/probe-processes.ts';

/**
 * Three real probe processes, each at its own location and leaving from its own loopback address,
 * against the fake government and one PostgreSQL: the quorum, geo-fencing and a location's own
 * network trouble, end to end.
 */
const PARIS: ProbeLocation = { id: 'paris', address: '127.0.0.2', country: 'FR' };
const LYON: ProbeLocation = { id: 'lyon', address: '127.0.0.3', country: 'FR' };
const MONTREAL: ProbeLocation = { id: 'montreal', address: '127.0.0.4', country: 'CA' };
const LOCATIONS = [PARIS, LYON, MONTREAL];
const INTERVAL_S = 2;

const available = await requirePostgres('test/probe/locations.test.ts');
const schemas = schemaFactory('vigie_locations');
let gov: FakeGov;
let dir: string;
let store: Store | undefined;
let probes: ProbeProcess[] = [];

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-locations-'));
});
afterEach(async () => {
  await Promise.all(probes.map((p) => p.stop()));
  probes = [];
  await store?.close();
  store = undefined;
});
afterAll(async () => {
  await gov.stop();
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens (and migrates) a fresh schema, then starts one probe per location on it. */
async function startLocations(services: Record<string, unknown>[]) {
  const schema = schemas.next();
  store = await openStore(TEST_POSTGRES_URL, { schema });
  const servicesPath = writeLocatedCatalogue(dir, LOCATIONS, {
    // A timeout of a whole interval: at load 18 an answer from the fake (in this busy process)
    // took over a second twice in a row at two locations, and "geo" was then truly down from France.
    defaults: { allowPrivateNetwork: true, interval: INTERVAL_S, timeout: INTERVAL_S },
    detection: { failuresBeforeDown: 2, successesBeforeUp: 2 },
    canaries: [gov.url('canary')],
    services: services.map((s) => ({ category: 'tests', name: { fr: String(s.id), en: String(s.id) }, ...s })),
  });
  const env = { VIGIE_SERVICES: servicesPath, DATABASE_URL: `${TEST_POSTGRES_URL}?options=-c%20search_path%3D${schema}` };
  probes = await Promise.all(LOCATIONS.map((l) => startProbe(l, env)));
  const catalogue = await loadCatalogue(servicesPath);
  const ctx = { store: store, catalogue };
  return { store, snapshot: () => loadSnapshot(ctx, new Date()) };
}

describe.skipIf(!available)('probes at three locations (PostgreSQL)', () => {
  it('confirms an outage seen everywhere once, from the locations, and calls a geo-fence what it is', { timeout: 150_000 }, async () => {
    gov.set('panne', status(503));
    gov.setFrom(MONTREAL.address, 'geo', hang());
    const { store, snapshot } = await startLocations([
      { id: 'panne', url: gov.url('panne') },
      { id: 'geo', url: gov.url('geo') },
    ]);

    const allDown = await until('every location to confirm "panne" down', async () => {
      const trackings = (await store.listTrackings()).filter((t) => t.serviceId === 'panne');
      return trackings.length === 3 && trackings.every((t) => t.state === 'down') && trackings;
    });
    const incidents = await store.listIncidents({ state: 'all', limit: 10 });
    expect(incidents.items.map((i) => i.serviceId)).toEqual(['panne']);
    const [outage] = incidents.items;
    const seen = outage!.updates[0]!.observed;
    // Its witnesses are a majority of the locations voting when it opened: all three when none
    // lags, but a location whose checks run late by more than the staleness bound (a loaded
    // machine) does not vote, so the count is not something to assert; that they are named is.
    expect(seen?.type === 'outage' && seen.locations.length).toBeGreaterThanOrEqual(1);
    // Opened by one of the outage's own checks (dated by it), not later by some other event; how
    // soon after the first failure depends on the machine's load, not something to assert here.
    const checks = (await store.listResults('panne', { limit: 1000 })).map((r) => r.startedAt.getTime());
    expect(checks).toContain(outage!.createdAt.getTime());
    expect(outage!.createdAt.getTime()).toBeGreaterThan(Math.min(...checks));
    expect(allDown.every((t) => t.openIncidentId === null || t.openIncidentId === outage!.id)).toBe(true);

    // On a loaded machine a French check may time out once: that location then, truthfully, shows
    // "geo" degraded until it answers twice in a row (still not down, so still abroad only).
    const geo = await until('"geo" to show as reachable from France only, France seeing it up', async () => {
      const view = (await snapshot()).services.find((s) => s.id === 'geo');
      const france = view?.locations.filter((l) => l.location !== 'montreal') ?? [];
      return view?.regional?.reason === 'abroad_only' && france.every((l) => l.ownState === 'operational') && view;
    });
    expect(geo).toMatchObject({ state: 'degraded', regional: { reason: 'abroad_only', locations: ['montreal'] } });
    expect(geo.locations.map((l) => [l.location, l.ownState, l.voting])).toEqual([
      ['paris', 'operational', true],
      ['lyon', 'operational', true],
      ['montreal', 'down', true],
    ]);
    expect((await snapshot()).services.find((s) => s.id === 'panne')?.state).toBe('down');
    expect((await store.listIncidents({ serviceId: 'geo', state: 'all', limit: 10 })).total).toBe(0);
  });

  it('takes a location whose network is cut out of the vote, and opens no outage', { timeout: 150_000 }, async () => {
    gov.setFrom(LYON.address, null, hang());
    const { store, snapshot } = await startLocations([
      { id: 'sain', url: gov.url('sain') },
      { id: 'autre', url: gov.url('autre') },
    ]);

    const view = await until('lyon to be shown as not voting while the others see "sain" up', async () => {
      const s = (await snapshot()).services.find((x) => x.id === 'sain');
      const voting = s?.locations.map((l) => `${l.location}:${l.voting ? 'votes' : l.silentReason}`).join(' ');
      return s?.state === 'operational' && voting === 'paris:votes lyon:probe_offline montreal:votes' && s;
    });
    expect(view.regional).toBeNull();
    await until(
      'lyon to have tried "sain" and "autre" several times',
      async () => gov.hitsFrom(LYON.address, 'autre') >= 3 && gov.hitsFrom(LYON.address, 'sain') >= 3,
    );
    expect((await store.listIncidents({ state: 'all', limit: 10 })).total).toBe(0);
    const lyonResults = (await store.listResults('sain', { limit: 1000 })).filter((r) => r.location === 'lyon');
    expect(lyonResults.length).toBeGreaterThan(0);
    expect(lyonResults.every((r) => r.probeOffline)).toBe(true);
  });
});
