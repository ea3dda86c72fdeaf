import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextParisDayStart, parisDayStart } from '../../src/domain/paris-time.ts';
import type { CheckOutcome, ServiceState } from '../../src/domain/vocabulary.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { CheckResult, Rollup, ServiceTracking } from '../../src/domain/records.ts';
import type { Store } from '../../src/store/store.ts';
import { checkResult, downTracking, outageSeen, serviceTracking } from './records.ts';
import { dailyHistory, historyRollups, hourlyLatency, monthlyFrom } from './seed-history.ts';

/**
 * Sites written straight into a real SQLite store, for the site tests and the web benchmark: a
 * small catalogue with a story to tell (`seedStory`), or many plain services (`seedSite`).
 */

/**
 * The story: one service up with 90 days of history, one down with its automatic incident, one
 * whose data is stale, one never checked; a staff incident not yet translated; planned maintenance.
 */
export const TEST_CATALOGUE = {
  categories: [
    { id: 'finances', name: { fr: 'Impôts et finances', en: 'Tax and finance' } },
    { id: 'social', name: { fr: 'Social et santé', en: 'Social and health' } },
  ],
  services: [
    { id: 'impots', name: { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }, category: 'finances', url: 'https://www.impots.gouv.fr/' },
    { id: 'ameli', name: { fr: 'ameli.fr', en: 'ameli.fr' }, category: 'social', url: 'https://www.ameli.fr/' },
    {
      id: 'caf',
      name: { fr: "Caisse d'allocations familiales", en: 'Family benefits (CAF)' },
      category: 'social',
      url: 'https://www.caf.fr/',
    },
    { id: 'msa', name: { fr: 'MSA', en: 'MSA (farm social security)' }, category: 'social', url: 'https://www.msa.fr/' },
  ],
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface SiteData {
  dir: string;
  env: Record<string, string>;
  store: Store;
  /** Closes the store (again is fine) and removes the folder. */
  cleanup: () => Promise<void>;
}

export interface SeededStory extends SiteData {
  ids: { autoIncident: string; staffIncident: string; pastIncident: string; maintenance: string };
}

/** A temporary folder with the catalogue and an empty SQLite store, and the settings naming them. */
export async function createSiteData(catalogue: object = TEST_CATALOGUE, location = 'test-paris'): Promise<SiteData> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-site-'));
  await writeFile(join(dir, 'services.json'), JSON.stringify(catalogue));
  const databaseUrl = join(dir, 'vigie.db');
  const store = await openStore(databaseUrl);
  const env = { DATABASE_URL: databaseUrl, VIGIE_SERVICES: join(dir, 'services.json'), VIGIE_LOCATION: location };
  const cleanup = async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, env, store, cleanup };
}

/** What the seeded probe says of itself: its address differs from the site's, as when the probe's settings do. */
export const SEEDED_PROBE = { userAgent: 'Vigie-probe/0.1.0 (+https://statut.example.gouv.fr)', perHost: 2 };

export async function seedStory(now: Date = new Date()): Promise<SeededStory> {
  const site = await createSiteData();
  const { store } = site;
  const t = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  await store.recordHeartbeat({
    location: 'test-paris',
    process: 'probe-1',
    at: t(-20_000),
    canariesHealthy: true,
    version: '0.1.0',
    self: SEEDED_PROBE,
  });

  const daysAndHours = [...dailyHistory('impots', now), ...hourlyLatency('impots', now, 180)];
  const history = [...daysAndHours, ...monthlyFrom(daysAndHours)];
  await record(store, check('impots', t(-30_000), 'ok', 210), track('impots', 'operational', t(-12 * DAY), t(-30_000)), history);

  const opened = await record(store, check('ameli', t(-60_000), 'http_5xx', null), track('ameli', 'down', t(-25 * MIN), t(-60_000)), [], {
    type: 'outage_opened',
    serviceId: 'ameli',
    startedAt: t(-25 * MIN),
    observed: outageSeen('ameli.fr'),
  });

  await record(store, check('caf', t(-2 * HOUR), 'ok', 300), track('caf', 'operational', t(-3 * DAY), t(-2 * HOUR)), []);

  const staff = await store.createIncident(cafSlowness(t(-40 * MIN)));

  const past = await store.createIncident({
    title: { fr: 'Déclaration en ligne indisponible', en: 'Online return unavailable' },
    status: 'investigating',
    affected: [{ serviceId: 'impots', impact: 'partial' }],
    body: { fr: 'Nous analysons le problème.', en: 'We are looking into it.' },
    author: 'agent@example.gouv.fr',
    at: t(-5 * DAY),
  });
  await store.addIncidentUpdate(past.id, {
    status: 'resolved',
    body: { fr: 'Le service est rétabli.', en: 'The service is restored.' },
    author: 'agent@example.gouv.fr',
    at: t(-5 * DAY + 95 * MIN),
  });

  const tomorrow = nextParisDayStart(parisDayStart(now.getTime()));
  const maintenance = await store.createMaintenance({
    title: { fr: 'Mise à jour de impots.gouv.fr', en: 'impots.gouv.fr upgrade' },
    body: { fr: 'Le site sera indisponible pendant la mise à jour.', en: 'The site will be unavailable during the upgrade.' },
    serviceIds: ['impots'],
    startsAt: new Date(tomorrow + 22 * HOUR),
    endsAt: new Date(tomorrow + 23.5 * HOUR),
    author: 'agent@example.gouv.fr',
    at: t(-HOUR),
  });

  for (const [title, cancelled] of [
    ['Migration des serveurs de la CAF', false],
    ['Intervention annulée sur la CAF', true],
  ] as const) {
    const done = await store.createMaintenance({
      title: { fr: title, en: null },
      body: { fr: 'Le site était indisponible.', en: null },
      serviceIds: ['caf'],
      startsAt: t(-10 * DAY),
      endsAt: t(-10 * DAY + 90 * MIN),
      author: 'agent@example.gouv.fr',
      at: t(-12 * DAY),
    });
    if (cancelled) await store.cancelMaintenance(done.id, t(-11 * DAY));
  }

  return {
    ...site,
    ids: { autoIncident: opened ?? '', staffIncident: staff.id, pastIncident: past.id, maintenance: maintenance.id },
  };
}

/** Staff report the CAF slow, in French only so far (the English pages say a translation is coming). */
export function cafSlowness(at: Date): Parameters<Store['createIncident']>[0] {
  return {
    title: { fr: 'Lenteurs sur le site de la CAF', en: null },
    status: 'identified',
    affected: [{ serviceId: 'caf', impact: 'degraded' }],
    body: { fr: 'Les pages de connexion sont lentes. Vous pouvez appeler le 3230.', en: null },
    author: 'agent@example.gouv.fr',
    at,
  };
}

export function check(serviceId: string, startedAt: Date, outcome: CheckOutcome, latencyMs: number | null): CheckResult {
  return checkResult({ serviceId, location: 'test-paris', startedAt, outcome, latencyMs, httpStatus: outcome === 'ok' ? 200 : 503 });
}

export function track(serviceId: string, state: ServiceState, since: Date, lastCheckedAt: Date): ServiceTracking {
  if (state === 'down') return downTracking(serviceId, since, lastCheckedAt, { location: 'test-paris' });
  return serviceTracking({ serviceId, location: 'test-paris', state, since, successStreak: 2, lastCheckedAt, latencyMs: 210 });
}

export async function record(
  store: Store,
  result: CheckResult,
  tracking: ServiceTracking,
  rollups: Rollup[],
  event: Parameters<Store['recordCheck']>[0]['event'] = null,
): Promise<string | null> {
  return (await store.recordCheck({ result, tracking, rollups, event })).incidentId;
}

/** Many plain services, each checked just now, with `days` of hourly and daily rollups behind them. */
export interface SeededSite extends SiteData {
  serviceIds: string[];
}

export interface SeedOptions {
  services: number;
  days: number;
  now: Date;
  /** State of each service by index; operational when not given. */
  stateOf?: (index: number) => ServiceState;
  /** Extra text in every service name (to test escaping). */
  nameSuffix?: string;
  /** More catalogue fields for a service by index (opening hours…). */
  serviceExtra?: (index: number) => Record<string, unknown>;
}

const HOUR_MS = 3_600_000;
const CATEGORIES = ['portals', 'tax', 'social', 'jobs'];

export async function seedSite(options: SeedOptions): Promise<SeededSite> {
  const serviceIds = Array.from({ length: options.services }, (_, i) => `service-${i + 1}`);
  const data = await createSiteData(
    {
      categories: CATEGORIES.map((id) => ({ id, name: { fr: `Catégorie ${id}`, en: `Category ${id}` } })),
      services: serviceIds.map((id, i) => ({
        id,
        name: { fr: `Service ${i + 1}${options.nameSuffix ?? ''}`, en: `Service ${i + 1}${options.nameSuffix ?? ''}` },
        category: CATEGORIES[i % CATEGORIES.length],
        url: `https://${id}.example.fr/`,
        interval: 60,
        ...options.serviceExtra?.(i),
      })),
    },
    'local',
  );
  for (const [i, serviceId] of serviceIds.entries()) {
    await recordServiceState(data.store, serviceId, options.stateOf?.(i) ?? 'operational', options.now, historyRollups(serviceId, options));
  }
  await data.store.recordHeartbeat({ location: 'local', process: 'probe-1', at: options.now, canariesHealthy: true, version: 'test' });
  return { ...data, serviceIds };
}

/** Records one check that leaves the service in `state` (a visible change bumps the data version). */
export async function recordServiceState(
  store: Store,
  serviceId: string,
  state: ServiceState,
  now: Date,
  rollups: Rollup[] = [],
): Promise<void> {
  const checkedAt = new Date(now.getTime() - 10_000);
  const failing = state === 'down';
  const outcome = failing ? 'http_5xx' : 'ok';
  await store.recordCheck({
    result: checkResult({ serviceId, location: 'local', startedAt: checkedAt, outcome, latencyMs: 180, httpStatus: failing ? 503 : 200 }),
    tracking: serviceTracking({
      serviceId,
      location: 'local',
      state,
      since: new Date(now.getTime() - 3 * HOUR_MS),
      failureStreak: failing ? 3 : 0,
      successStreak: failing ? 0 : 5,
      lastCheckedAt: checkedAt,
      lastOutcome: outcome,
      latencyMs: 180,
    }),
    rollups,
    event: null,
  });
}
