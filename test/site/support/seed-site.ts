import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceState } from '../../../src/domain/vocabulary.ts';
import type { CheckResult, Rollup, ServiceTracking } from '../../../src/store/records.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { nextParisDayStart, parisDayStart } from '../../../src/domain/paris-time.ts';
import { emptyTotals, histogramIndex } from '../../../src/store/rollup.ts';
import type { Store } from '../../../src/store/store.ts';

/**
 * A small catalogue and a story written straight into a real SQLite store, for the site tests:
 * one service up with 90 days of history, one down with its automatic incident, one whose data
 * is stale, one never checked; a staff incident not yet translated; planned maintenance.
 */
export const TEST_CATALOGUE = {
  categories: [
    { id: 'finances', name: { fr: 'Impôts et finances', en: 'Tax and finance' } },
    { id: 'social', name: { fr: 'Social et santé', en: 'Social and health' } },
  ],
  services: [
    { id: 'impots', name: { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }, category: 'finances', url: 'https://www.impots.gouv.fr/' },
    { id: 'ameli', name: { fr: 'ameli.fr', en: 'ameli.fr' }, category: 'social', url: 'https://www.ameli.fr/' },
    { id: 'caf', name: { fr: "Caisse d'allocations familiales", en: 'Family benefits (CAF)' }, category: 'social', url: 'https://www.caf.fr/' },
    { id: 'msa', name: { fr: 'MSA', en: 'MSA (farm social security)' }, category: 'social', url: 'https://www.msa.fr/' },
  ],
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface SeededSite {
  dir: string;
  env: Record<string, string>;
  store: Store;
  ids: { autoIncident: string; staffIncident: string; pastIncident: string; maintenance: string };
  cleanup: () => Promise<void>;
}

export async function createSiteData(catalogue: object = TEST_CATALOGUE): Promise<{ dir: string; env: Record<string, string>; store: Store; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-site-'));
  await writeFile(join(dir, 'services.json'), JSON.stringify(catalogue));
  const databaseUrl = join(dir, 'vigie.db');
  const store = await openStore(databaseUrl);
  const env = { DATABASE_URL: databaseUrl, VIGIE_SERVICES: join(dir, 'services.json'), VIGIE_LOCATION: 'test-paris' };
  return { dir, env, store, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function seedStory(now: Date = new Date()): Promise<SeededSite> {
  const site = await createSiteData();
  const { store } = site;
  const t = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  await store.recordHeartbeat({ location: 'test-paris', at: t(-20_000), canariesHealthy: true, version: '0.1.0' });

  const history = [...dailyHistory('impots', now), ...hourlyLatency('impots', now, 180)];
  await record(store, check('impots', t(-30_000), 'ok', 210), track('impots', 'operational', t(-12 * DAY), t(-30_000)), history);

  const opened = await record(store, check('ameli', t(-60_000), 'http_5xx', null), track('ameli', 'down', t(-25 * MIN), t(-60_000)), [], {
    type: 'outage_opened',
    serviceId: 'ameli',
    startedAt: t(-25 * MIN),
    title: { fr: 'ameli.fr est inaccessible', en: 'ameli.fr is unreachable' },
    body: { fr: 'Nos sondes ne parviennent plus à joindre **ameli.fr**.', en: 'Our probes can no longer reach **ameli.fr**.' },
  });

  await record(store, check('caf', t(-2 * HOUR), 'ok', 300), track('caf', 'operational', t(-3 * DAY), t(-2 * HOUR)), []);

  const staff = await store.createIncident({
    title: { fr: 'Lenteurs sur le site de la CAF', en: null },
    status: 'identified',
    affected: [{ serviceId: 'caf', impact: 'degraded' }],
    body: { fr: 'Les pages de connexion sont lentes. Vous pouvez appeler le 3230.', en: null },
    author: 'agent@example.gouv.fr',
    at: t(-40 * MIN),
  });

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

  for (const [title, cancelled] of [['Migration des serveurs de la CAF', false], ['Intervention annulée sur la CAF', true]] as const) {
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

export function check(serviceId: string, startedAt: Date, outcome: CheckResult['outcome'], latencyMs: number | null): CheckResult {
  return {
    serviceId,
    location: 'test-paris',
    startedAt,
    outcome,
    latencyMs,
    httpStatus: outcome === 'ok' ? 200 : 503,
    finalUrl: null,
    tlsExpiresAt: null,
    detail: null,
    probeOffline: false,
  };
}

export function track(serviceId: string, state: ServiceState, since: Date, lastCheckedAt: Date): ServiceTracking {
  return {
    serviceId,
    location: 'test-paris',
    state,
    since,
    failureStreak: state === 'down' ? 3 : 0,
    successStreak: state === 'down' ? 0 : 2,
    failureRunStartedAt: state === 'down' ? since : null,
    lastCheckedAt,
    lastOutcome: state === 'down' ? 'http_5xx' : 'ok',
    latencyMs: state === 'down' ? null : 210,
    openIncidentId: null,
  };
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

/** 89 full days up (one with a 42-minute outage, one in maintenance), then today so far. */
export function dailyHistory(serviceId: string, now: Date): Rollup[] {
  const rollups: Rollup[] = [];
  let start = parisDayStart(now.getTime() - 89 * DAY);
  for (let i = 0; i < 90; i++) {
    const end = Math.min(nextParisDayStart(start), now.getTime());
    const seconds = emptyTotals().seconds;
    const total = (end - start) / 1000;
    if (i === 80) {
      seconds.down = 42 * 60;
      seconds.operational = total - seconds.down;
    } else if (i === 60) {
      seconds.maintenance = 90 * 60;
      seconds.operational = total - seconds.maintenance;
    } else if (i >= 10) {
      seconds.operational = total;
    }
    if (i >= 10) rollups.push({ ...emptyTotals(), serviceId, granularity: 'day', bucketStart: new Date(start), checks: 1440, seconds });
    start = nextParisDayStart(start);
  }
  return rollups;
}

/** Hourly rollups for the last 30 days with latencies around `baseMs`. */
export function hourlyLatency(serviceId: string, now: Date, baseMs: number): Rollup[] {
  const rollups: Rollup[] = [];
  const lastHour = Math.floor(now.getTime() / HOUR) * HOUR;
  for (let h = 30 * 24 - 1; h >= 0; h--) {
    const bucketStart = lastHour - h * HOUR;
    const totals = emptyTotals();
    const latencies = [baseMs, baseMs + 40 * Math.sin(h / 5), baseMs * 1.8, baseMs * (h % 24 === 3 ? 6 : 1.1)];
    for (const ms of latencies) {
      totals.latencyCount += 1;
      totals.latencySumMs += ms;
      totals.latencyMaxMs = Math.max(totals.latencyMaxMs, ms);
      totals.latencyHistogram[histogramIndex(ms)]! += 1;
    }
    totals.checks = latencies.length;
    totals.seconds.operational = 3600;
    rollups.push({ ...totals, serviceId, granularity: 'hour', bucketStart: new Date(bucketStart) });
  }
  return rollups;
}
