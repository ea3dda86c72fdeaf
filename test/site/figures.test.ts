import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDayKey, parisDayStart } from '../../src/domain/paris-time.ts';
import type { Rollup } from '../../src/domain/records.ts';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { formatDayKey } from '../../src/i18n/format.ts';
import type { Store } from '../../src/store/store.ts';
import { serviceTracking } from '../support/records.ts';
import { historyRollups } from '../support/seed-history.ts';
import { check, createSiteData, record, type SiteData } from '../support/seed-site.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';

/**
 * Figures a journalist could quote, in four situations: a fresh deployment, a 15-minute outage, a
 * crisis with maintenance and closed services, and 91 days of history. The availability label
 * names the period it covers, the banner gives one total, and the API says what the page says.
 */

const MIN = 60_000;
const now = new Date();
const today = parisDayKey(now);
const SERVICES = ['impots', 'ameli', 'caf', 'msa', 'urssaf', 'anef'] as const;
const CATALOGUE = {
  categories: [{ id: 'all', name: { fr: 'Services', en: 'Services' } }],
  services: SERVICES.map((id) => ({
    id,
    name: { fr: `${id}.fr`, en: `${id}.fr` },
    category: 'all',
    url: `https://www.${id}.fr/`,
    // anef is closed all day today, as planned.
    ...(id === 'anef'
      ? {
          hours: {
            weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00-24:00']])),
            exceptions: { [today]: [] },
          },
        }
      : {}),
  })),
};

type Scenario = 'fresh' | 'outage' | 'crisis' | 'history';
const sites = new Map<Scenario, { data: SiteData; site: RunningSite }>();

/** Today's rollup of one service: `up` and `down` seconds measured since midnight. */
function todayRollup(serviceId: string, seconds: Partial<Record<ServiceState, number>>): Rollup {
  return {
    serviceId,
    granularity: 'day',
    bucketStart: new Date(parisDayStart(now.getTime())),
    checks: 10,
    failures: seconds.down ? 5 : 0,
    seconds: { operational: 0, degraded: 0, down: 0, maintenance: 0, unknown: 0, ...seconds },
    latencyCount: 0,
    latencySumMs: 0,
    latencyMaxMs: 0,
    latencyHistogram: [],
  };
}

/** One check of a service, its tracking (first checked `firstAgo` ago, in `state` since `sinceAgo`), and its rollups. */
async function seen(
  store: Store,
  id: string,
  state: ServiceState,
  ago: { first: number; since: number },
  rollups: Rollup[],
): Promise<void> {
  const at = new Date(now.getTime() - 20_000);
  await record(
    store,
    check(id, at, state === 'down' ? 'http_5xx' : state === 'degraded' ? 'slow' : 'ok', state === 'down' ? null : 200),
    serviceTracking({
      serviceId: id,
      location: 'test-paris',
      state,
      since: new Date(now.getTime() - ago.since),
      firstCheckedAt: new Date(now.getTime() - ago.first),
      lastCheckedAt: at,
      ...(state === 'down' ? { failureStreak: 3, successStreak: 0, lastOutcome: 'http_5xx', latencyMs: null } : {}),
    }),
    rollups,
  );
}

async function seed(scenario: Scenario, store: Store): Promise<void> {
  await store.recordHeartbeat({
    location: 'test-paris',
    process: 'p1',
    at: new Date(now.getTime() - 10_000),
    canariesHealthy: true,
    version: '0.1.0',
  });
  for (const id of SERVICES) {
    if (scenario === 'fresh') {
      // Started two minutes ago: every state was found at the first check, none seen to begin.
      await seen(store, id, 'operational', { first: 2 * MIN, since: 2 * MIN }, [todayRollup(id, { operational: 120 })]);
    } else if (scenario === 'outage') {
      // Watched for 15 minutes; impots answered for 3, then failed for 12.
      const down = id === 'impots';
      await seen(store, id, down ? 'down' : 'operational', { first: 15 * MIN, since: down ? 12 * MIN : 15 * MIN }, [
        todayRollup(id, down ? { operational: 180, down: 720 } : { operational: 900 }),
      ]);
    } else if (scenario === 'crisis') {
      const state: ServiceState = id === 'msa' ? 'degraded' : ['impots', 'ameli', 'caf'].includes(id) ? 'down' : 'operational';
      await seen(store, id, state, { first: 5 * 86_400_000, since: 30 * MIN }, historyRollups(id, { days: 5, now }));
    } else {
      await seen(store, id, 'operational', { first: 91 * 86_400_000, since: 40 * 86_400_000 }, historyRollups(id, { days: 91, now }));
    }
  }
  if (scenario === 'crisis') {
    await store.createMaintenance({
      title: { fr: 'Mise à jour', en: 'Upgrade' },
      body: { fr: 'Indisponible pendant la mise à jour.', en: 'Unavailable during the upgrade.' },
      serviceIds: ['urssaf'],
      startsAt: new Date(now.getTime() - 10 * MIN),
      endsAt: new Date(now.getTime() + 60 * MIN),
      author: 'agent@example.gouv.fr',
      at: new Date(now.getTime() - 60 * MIN),
    });
  }
}

beforeAll(async () => {
  await Promise.all(
    (['fresh', 'outage', 'crisis', 'history'] as const).map(async (scenario) => {
      const data = await createSiteData(CATALOGUE);
      await seed(scenario, data.store);
      sites.set(scenario, { data, site: await startSite(data.env) });
    }),
  );
});

afterAll(async () => {
  for (const { data, site } of sites.values()) {
    await site.stop();
    await data.cleanup();
  }
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');

async function read(scenario: Scenario, path: string): Promise<string> {
  return text(await (await fetch(`${sites.get(scenario)!.site.url}${path}`)).text());
}

async function apiDescription(scenario: Scenario, locale: 'fr' | 'en'): Promise<string> {
  const response = await fetch(`${sites.get(scenario)!.site.url}/api/v2/summary.json${locale === 'en' ? '?lang=en' : ''}`);
  const body = (await response.json()) as { status: { description: string } };
  return body.status.description.replace(/[\u00a0\u202f]/g, ' ');
}

const since = (locale: 'fr' | 'en') => formatDayKey(today, locale).replace(/\u00a0/g, ' ');

const EXPECTED = {
  fresh: {
    fr: { uptime: `Disponibilité depuis le ${since('fr')} (début des mesures) : 100 %`, banner: 'Aucune panne constatée' },
    en: { uptime: `Uptime since ${since('en')} (when measurements began): 100%`, banner: 'No outage detected' },
  },
  outage: {
    fr: { uptime: `Disponibilité depuis le ${since('fr')} (début des mesures) : 20 %`, banner: '1 service en panne ou ralenti' },
    en: { uptime: `Uptime since ${since('en')} (when measurements began): 20%`, banner: '1 service down or degraded' },
  },
  crisis: {
    fr: { uptime: null, banner: '4 services en panne ou ralentis' },
    en: { uptime: null, banner: '4 services down or degraded' },
  },
  history: {
    fr: { uptime: 'Disponibilité sur 90 jours : 99,9', banner: 'Aucune panne constatée' },
    en: { uptime: 'Uptime over 90 days: 99.9', banner: 'No outage detected' },
  },
};

describe.each(['fr', 'en'] as const)('figures a journalist could quote, in %s', (locale) => {
  const overview = `/${locale}/`;
  const impots = `/${locale}/services/impots`;

  it.each(['fresh', 'outage', 'history'] as const)(
    'labels availability by the period measured (%s), the same on the overview and the service page',
    async (scenario) => {
      const label = EXPECTED[scenario][locale].uptime!;
      expect(await read(scenario, overview)).toContain(label);
      expect(await read(scenario, impots)).toContain(label);
      if (scenario !== 'history') expect(await read(scenario, overview)).not.toMatch(/90 jours|90 days/);
    },
  );

  // anef is closed as planned in every situation: neither the page nor the API may say all services work.
  it.each(['fresh', 'outage', 'crisis', 'history'] as const)('gives the API the banner’s own words (%s)', async (scenario) => {
    const banner = EXPECTED[scenario][locale].banner;
    expect(await read(scenario, overview)).toContain(banner);
    expect(await apiDescription(scenario, locale)).toBe(banner);
  });

  it('gives one total in a crisis: the breakdown adds up to it, maintenance and closed said apart', async () => {
    const page = await read('crisis', overview);
    expect(page).toContain(
      locale === 'fr'
        ? '4 services en panne ou ralentis 3 en panne, 1 ralenti. Par ailleurs : 1 service en maintenance, 1 service fermé comme prévu.'
        : '4 services down or degraded 3 down, 1 degraded. Also: 1 service under maintenance, 1 service closed as planned.',
    );
  });

  it('says "since" only for a change Vigie saw begin, otherwise the time it checked', async () => {
    const fresh = await read('fresh', overview);
    expect(fresh).not.toMatch(locale === 'fr' ? /Opérationnel depuis/ : /Operational since/);
    expect(fresh).toMatch(locale === 'fr' ? /Opérationnel vérifié à \d{1,2} h/ : /Operational checked at \d\d:\d\d/);
    const outage = await read('outage', overview);
    expect(outage).toMatch(locale === 'fr' ? /impots\.fr Panne majeure depuis le/ : /impots\.fr Major outage since/);
    expect(outage).toMatch(locale === 'fr' ? /ameli\.fr Opérationnel vérifié à/ : /ameli\.fr Operational checked at/);
  });
});
