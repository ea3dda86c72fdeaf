import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { check, createSiteData, record, TEST_CATALOGUE, track } from '../support/seed-site.ts';

/**
 * A site whose catalogue lists three locations: impots is geo-fenced (only Montreal fails), ameli
 * cannot be reached from Lyon alone, caf is down everywhere, msa is fine. Every surface says the same.
 */
const LOCATIONS = [
  { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' },
  { id: 'lyon', name: { fr: 'Lyon', en: 'Lyon' }, country: 'FR' },
  { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' },
];
const STATES: Record<string, Record<string, ServiceState>> = {
  impots: { paris: 'operational', lyon: 'operational', montreal: 'down' },
  ameli: { paris: 'operational', lyon: 'down', montreal: 'operational' },
  caf: { paris: 'down', lyon: 'down', montreal: 'down' },
  msa: { paris: 'operational', lyon: 'operational', montreal: 'operational' },
};

let data: Awaited<ReturnType<typeof createSiteData>>;
let site: RunningSite;

beforeAll(async () => {
  data = await createSiteData({ ...TEST_CATALOGUE, locations: LOCATIONS });
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms);
  for (const location of LOCATIONS) {
    // Montreal already runs the next version: both User-Agents reach the services meanwhile.
    const version = location.id === 'montreal' ? '0.2.0' : '0.1.0';
    const self = { userAgent: `Vigie-probe/${version} (+https://statut.example.gouv.fr)`, perHost: location.id === 'lyon' ? 3 : 2 };
    await data.store.recordHeartbeat({ location: location.id, process: 'probe-1', at: ago(10_000), canariesHealthy: true, version, self });
  }
  for (const [serviceId, byLocation] of Object.entries(STATES)) {
    for (const [location, state] of Object.entries(byLocation)) {
      const result = { ...check(serviceId, ago(20_000), state === 'down' ? 'timeout' : 'ok', state === 'down' ? null : 120), location };
      await record(data.store, result, { ...track(serviceId, state, ago(3_600_000), ago(20_000)), location }, []);
    }
  }
  site = await startSite(data.env);
});

afterAll(async () => {
  await site?.stop();
  await data?.store.close();
  await data?.cleanup();
});

const text = async (path: string) =>
  (await (await fetch(`${site.url}${path}`)).text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');

describe('a site with probe locations', () => {
  it('counts regional trouble apart in the banner and says where on each service', async () => {
    const fr = await text('/fr/');
    expect(fr).toContain('1 en panne, 2 inaccessibles depuis certains lieux seulement.');
    expect(fr).toContain('Accessible depuis la France, pas depuis l’étranger.');
    expect(fr).toContain('Inaccessible depuis Lyon, accessible ailleurs.');
    const en = await text('/en/');
    expect(en).toContain('1 down, 2 unreachable from some places only.');
    expect(en).toContain('Reachable from France, not from abroad.');
  });

  it('lists each location on the service page with its state, response time, freshness and vote', async () => {
    const page = await text('/en/services/ameli');
    expect(page).toContain('Checks by location');
    expect(page).toContain('Unreachable from Lyon, reachable elsewhere.');
    expect(page).toMatch(
      /Paris Operational votes · 1 probe running \d+ ms \d+ s ago Lyon Major outage votes · 1 probe running No data \d+ s ago Montreal Operational votes · 1 probe running \d+ ms \d+ s ago/,
    );
  });

  it('publishes the same verdict in the Statuspage API and the badge', async () => {
    const summary = (await (await fetch(`${site.url}/api/v2/summary.json`)).json()) as { components: { id: string; status: string }[] };
    const status = Object.fromEntries(summary.components.map((c) => [c.id, c.status]));
    // The published state of a service some locations cannot reach is degraded, on the page and here alike.
    expect(status).toMatchObject({
      impots: 'degraded_performance',
      ameli: 'degraded_performance',
      caf: 'major_outage',
      msa: 'operational',
    });
    expect(await (await fetch(`${site.url}/badge/caf.svg?lang=en`)).text()).toContain('Major outage');
  });

  it('describes the probes from what each location wrote: every place, every User-Agent, the highest per-site cap', async () => {
    const en = await text('/en/probes');
    expect(en).toContain('Vantage points: Paris (1 probe running), Lyon (1 probe running) and Montreal (1 probe running).');
    expect(en).toContain('one of the following User-Agent headers');
    expect(en).toContain('Vigie-probe/0.1.0 (+https://statut.example.gouv.fr) Vigie-probe/0.2.0 (+https://statut.example.gouv.fr)');
    expect(en).toContain('never more than 3 requests at a time to the same site');
    // The web process's own VIGIE_LOCATION is not a probe's word.
    expect(en).not.toContain('test-paris');
    expect(await text('/fr/sondes')).toContain(
      'Points de mesure : Paris (1 sonde en service), Lyon (1 sonde en service) et Montréal (1 sonde en service).',
    );
  });

  it('leaves quorum wording out of a site whose catalogue lists no locations, and says so while no probe described itself', async () => {
    const plain = await createSiteData();
    const now = Date.now();
    await plain.store.recordHeartbeat({
      location: 'test-paris',
      process: 'probe-1',
      at: new Date(now - 10_000),
      canariesHealthy: true,
      version: 'test',
    });
    await record(
      plain.store,
      check('impots', new Date(now - 20_000), 'ok', 150),
      track('impots', 'operational', new Date(now - 3_600_000), new Date(now - 20_000)),
      [],
    );
    const other = await startSite(plain.env);
    try {
      const page = await (await fetch(`${other.url}/fr/services/impots`)).text();
      expect(page).not.toMatch(/Vérifications par lieu|Inaccessible depuis|depuis la France/);
      const probes = (await (await fetch(`${other.url}/en/probes`)).text()).replace(/<[^>]+>/g, ' ');
      expect(probes.match(/This information will appear as soon as a probe has started checking\./g)).toHaveLength(1);
      expect(probes).not.toMatch(/Vigie-probe\/|test-paris|at a time to the same site/);
    } finally {
      await other.stop();
      await plain.store.close();
      await plain.cleanup();
    }
  });
});
