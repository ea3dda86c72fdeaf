import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import type { Store } from '../../src/store/store.ts';
import { check, createSiteData, record, TEST_CATALOGUE, track } from '../support/seed-site.ts';

/** The overview banner in the two situations the story site does not show: all fine, and blind. */
type Data = Awaited<ReturnType<typeof createSiteData>>;
const opened: { data: Data; site: RunningSite }[] = [];

async function siteWith(catalogue: object, seed: (data: Data, now: Date) => Promise<void>): Promise<RunningSite> {
  const data = await createSiteData(catalogue);
  await seed(data, new Date());
  const site = await startSite(data.env);
  opened.push({ data, site });
  return site;
}

let allFine: RunningSite;
let blind: RunningSite;
let staffSaysSo: RunningSite;

/** The probe's heartbeat and an ok check of impots, each so long ago; impots up for a day before. */
async function impotsSeenUp(store: Store, now: Date, ago: { heartbeatAgoMs: number; checkAgoMs: number }): Promise<void> {
  await store.recordHeartbeat({
    location: 'test-paris',
    process: 'probe-1',
    at: new Date(now.getTime() - ago.heartbeatAgoMs),
    canariesHealthy: true,
    version: '0.1.0',
  });
  const checkedAt = new Date(now.getTime() - ago.checkAgoMs);
  await record(
    store,
    check('impots', checkedAt, 'ok', 180),
    track('impots', 'operational', new Date(now.getTime() - 86_400_000), checkedAt),
    [],
  );
}

beforeAll(async () => {
  const oneService = { ...TEST_CATALOGUE, services: TEST_CATALOGUE.services.slice(0, 1) };
  [allFine, blind, staffSaysSo] = await Promise.all([
    siteWith(oneService, async ({ store }, now) => {
      await impotsSeenUp(store, now, { heartbeatAgoMs: 10_000, checkAgoMs: 15_000 });
    }),
    // The probe's last heartbeat is half an hour old: whatever it said before, nothing is confirmed now.
    siteWith(TEST_CATALOGUE, async ({ store }, now) => {
      await impotsSeenUp(store, now, { heartbeatAgoMs: 30 * 60_000, checkAgoMs: 40_000 });
    }),
    // The probe sees the home page answer, but staff know sign-in is broken: their notice counts.
    siteWith(oneService, async ({ store }, now) => {
      await impotsSeenUp(store, now, { heartbeatAgoMs: 10_000, checkAgoMs: 15_000 });
      await store.createIncident({
        title: { fr: 'Connexion impossible à votre espace', en: 'Cannot sign in to your account' },
        status: 'investigating',
        affected: [{ serviceId: 'impots', impact: 'partial' }],
        body: { fr: 'Utilisez le 0 809 401 401.', en: 'Call 0 809 401 401.' },
        author: 'agent@example.gouv.fr',
        at: new Date(now.getTime() - 60_000),
      });
    }),
  ]);
});

afterAll(async () => {
  for (const { data, site } of opened) {
    await site.stop();
    await data.store.close();
    await data.cleanup();
  }
});

const page = async (site: RunningSite, path: string) =>
  (await (await fetch(`${site.url}${path}`)).text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');

describe('overview banner', () => {
  it('says that all services work when every one is fresh and operational', async () => {
    expect(await page(allFine, '/fr/')).toContain('Tous les services fonctionnent normalement');
    expect(await page(allFine, '/en/')).toContain('All services operational');
  });

  it('does not say all is well while staff report an ongoing incident the probes do not see', async () => {
    const fr = await page(staffSaysSo, '/fr/');
    expect(fr).toContain('1 service en panne ou ralenti 1 en panne partielle.');
    expect(fr).not.toContain('Tous les services fonctionnent normalement');
    expect(await page(staffSaysSo, '/en/')).toContain('1 service down or degraded 1 partly down.');
  });

  it('says monitoring is interrupted when the probe is silent, and shows nothing as operational', async () => {
    const fr = await page(blind, '/fr/');
    expect(fr).toContain('Surveillance interrompue');
    expect(fr).toContain('Nos sondes ne nous transmettent plus de données à jour');
    expect(fr).toContain('Dernières données reçues le');
    expect(fr).not.toContain('Opérationnel');
    // A silent probe says nothing of its network: the data is too old, and that is the reason given.
    expect(fr).toMatch(/impots\.gouv\.fr État inconnu Données trop anciennes/);
    const en = await page(blind, '/en/');
    expect(en).toContain('Monitoring interrupted');
    expect(en).not.toContain('Operational');
  });
});
