import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startFakeGov, status, type FakeGov } from '../fake-gov/index.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';
import { startProbe, stopGracefully, TEST_CATEGORIES, until, writeJson, type Running } from './support/processes.ts';

/**
 * PostgreSQL stopped under a running probe and site, then started again: the site keeps answering
 * (honestly stale), the probe loses no result and opens no outage or duplicate incident because of
 * the store. Also a cold start of the site with the store down.
 */
const fr = t('fr');
let pg: OwnPostgres;
let gov: FakeGov;
let dir: string;
let site: RunningSite | undefined;
let probe: (Running & { port: number }) | undefined;

beforeAll(async () => {
  if (!ownPostgresAvailable()) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries are needed for the fault suite');
    return;
  }
  pg = await startOwnPostgres();
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-store-'));
});

afterAll(async () => {
  if (probe) await stopGracefully(probe);
  await site?.stop();
  await gov?.stop();
  pg?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(`${site!.url}${path}`);
  // Astro escapes apostrophes: the dictionary's words are compared with the text as read.
  return { status: res.status, body: (await res.text()).replaceAll('&#39;', "'"), headers: res.headers };
}

const PAGES = ['/fr/', '/en/', '/fr/services/steady', '/fr/services/broken', '/api/v2/summary.json', '/badge/steady.svg'];

describe.runIf(ownPostgresAvailable())('store outage', () => {
  it('cold start without the store: a bilingual 503 with Retry-After, then real pages as soon as it answers', async () => {
    const services = writeJson(dir, 'services.json', {
      categories: TEST_CATEGORIES,
      defaults: { allowPrivateNetwork: true, interval: 2, timeout: 2 },
      services: [
        { id: 'steady', name: { fr: 'Stable', en: 'Steady' }, category: 'tests', url: gov.url('steady') },
        { id: 'broken', name: { fr: 'Cassé', en: 'Broken' }, category: 'tests', url: gov.url('broken') },
      ],
    });
    pg.stop();
    site = await startSite({ DATABASE_URL: pg.url, VIGIE_SERVICES: services });
    const page = await get('/fr/services/steady');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('30');
    expect(page.body).toContain(fr.unavailable.title);
    expect(page.body).toContain(t('en').unavailable.title);
    const api = await get('/api/v2/summary.json');
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'store_unreachable' } });
    const health = await get('/healthz');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ store: 'unreachable', serving: 'nothing' });

    pg.start();
    await until(
      async () => (await get('/fr/')).status === 200,
      20_000,
      () => site!.output(),
    );
    expect(JSON.parse((await get('/healthz')).body)).toMatchObject({ store: 'ok', serving: 'live' });
  });

  it('PostgreSQL stopped and restarted during checks and page loads', async () => {
    gov.set('broken', status(503));
    probe = await startProbe({ DATABASE_URL: pg.url, VIGIE_SERVICES: join(dir, 'services.json') });
    const store = await openStore(pg.url);
    try {
      await until(
        async () => (await store.listIncidents({ state: 'open', limit: 5 })).items.length === 1,
        60_000,
        () => probe!.output(),
      );
      for (const path of PAGES) expect((await get(path)).status).toBe(200);

      pg.stop();
      const statuses = new Map<number, number>();
      let loading = true;
      const loads = (async () => {
        while (loading) {
          for (const path of PAGES) {
            const code = await fetch(`${site!.url}${path}`).then(
              (r) => r.arrayBuffer().then(() => r.status),
              () => 0,
            );
            statuses.set(code, (statuses.get(code) ?? 0) + 1);
          }
        }
      })();
      const probeHealth = async () =>
        (await fetch(`http://127.0.0.1:${probe!.port}/healthz`)).json() as Promise<{
          buffer: { size: number; written: number; dropped: number };
        }>;
      await until(
        async () => (await probeHealth()).buffer.size >= 10,
        60_000,
        () => probe!.output(),
      );
      // Checked every 2 s, the services' last results are now too old: unknown, and the store named as the cause.
      await until(
        async () => (await get('/fr/')).body.includes(fr.unknownReasons.store_unreachable),
        60_000,
        () => site!.output(),
      );
      const overview = await get('/fr/');
      expect(overview.status).toBe(200);
      expect(overview.body).toContain(fr.banner.notUpdated);
      expect(overview.body).not.toContain(fr.banner.allOk);
      expect(JSON.parse((await get('/healthz')).body)).toMatchObject({ store: 'unreachable', serving: 'last-known' });
      loading = false;
      await loads;
      expect([...statuses.keys()]).toEqual([200]);

      pg.start();
      await until(
        async () => {
          const health = await probeHealth();
          return health.buffer.size === 0 && health.buffer.written >= 10;
        },
        60_000,
        () => probe!.output(),
      );
      expect((await probeHealth()).buffer.dropped).toBe(0);
      await until(
        async () => !(await get('/fr/')).body.includes(fr.banner.notUpdated),
        30_000,
        () => site!.output(),
      );
      expect(JSON.parse((await get('/healthz')).body)).toMatchObject({ store: 'ok', serving: 'live' });

      await stopGracefully(probe);
      probe = undefined;
      // Every check the fake services received is a stored result: none lost while the store was away.
      for (const id of ['steady', 'broken']) {
        expect((await store.listResults(id, { limit: 100_000 })).length).toBe(gov.hits(id));
      }
      const incidents = (await store.listIncidents({ state: 'all', limit: 10 })).items;
      expect(incidents.map((i) => i.serviceId)).toEqual(['broken']);
      const written =
        (await store.listResults('steady', { limit: 100_000 })).length + (await store.listResults('broken', { limit: 100_000 })).length;
      console.info(
        `[faults] store outage: ${[...statuses.values()].reduce((a, b) => a + b, 0)} page loads while PostgreSQL was down, all 200; ` +
          `${written} results stored = ${gov.hits('steady') + gov.hits('broken')} checks made; 1 incident`,
      );
    } finally {
      await store.close();
    }
  });
});
