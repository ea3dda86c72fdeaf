import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { openStore } from '../../src/store/open-store.ts';
import { LATENCY_BUCKETS_MS, type Rollup } from '../../src/store/records.ts';
import type { Store } from '../../src/store/store.ts';
import { parisDayStart } from '../../src/domain/paris-time.ts';

/**
 * A real SQLite store and catalogue for tests and the web benchmark: `services` services, each
 * checked just now, with `days` of hourly and daily rollups behind them.
 */
export interface SeededSite {
  dir: string;
  env: { DATABASE_URL: string; VIGIE_SERVICES: string };
  store: Store;
  serviceIds: string[];
  cleanup: () => Promise<void>;
}

export interface SeedOptions {
  services: number;
  days: number;
  now: Date;
  /** State of each service by index; operational when not given. */
  stateOf?: (index: number) => ServiceState;
  /** Extra text in every service name (to test escaping). */
  nameSuffix?: string;
}

const HOUR_MS = 3_600_000;
const CATEGORIES = ['portals', 'tax', 'social', 'jobs'];

export async function seedSite(options: SeedOptions): Promise<SeededSite> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-web-'));
  const serviceIds = Array.from({ length: options.services }, (_, i) => `service-${i + 1}`);
  const catalogue = {
    categories: CATEGORIES.map((id) => ({ id, name: { fr: `Catégorie ${id}`, en: `Category ${id}` } })),
    services: serviceIds.map((id, i) => ({
      id,
      name: { fr: `Service ${i + 1}${options.nameSuffix ?? ''}`, en: `Service ${i + 1}${options.nameSuffix ?? ''}` },
      category: CATEGORIES[i % CATEGORIES.length],
      url: `https://${id}.example.fr/`,
      interval: 60,
    })),
  };
  const servicesPath = join(dir, 'services.json');
  writeFileSync(servicesPath, JSON.stringify(catalogue));
  const dbPath = join(dir, 'vigie.db');
  const store = await openStore(dbPath);
  for (const [i, serviceId] of serviceIds.entries()) {
    const state = options.stateOf?.(i) ?? 'operational';
    await seedService(store, serviceId, state, options);
  }
  await store.recordHeartbeat({ location: 'local', at: options.now, canariesHealthy: true, version: 'test' });
  return {
    dir,
    env: { DATABASE_URL: dbPath, VIGIE_SERVICES: servicesPath },
    store,
    serviceIds,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seedService(store: Store, serviceId: string, state: ServiceState, options: SeedOptions): Promise<void> {
  await recordServiceState(store, serviceId, state, options.now, historyRollups(serviceId, options));
}

/** Records one check that leaves the service in `state` (a visible change bumps the data version). */
export async function recordServiceState(store: Store, serviceId: string, state: ServiceState, now: Date, rollups: Rollup[] = []): Promise<void> {
  const checkedAt = new Date(now.getTime() - 10_000);
  const failing = state === 'down';
  await store.recordCheck({
    result: {
      serviceId,
      location: 'local',
      startedAt: checkedAt,
      outcome: failing ? 'http_5xx' : 'ok',
      latencyMs: 180,
      httpStatus: failing ? 503 : 200,
      finalUrl: null,
      tlsExpiresAt: null,
      detail: null,
      probeOffline: false,
    },
    tracking: {
      serviceId,
      location: 'local',
      state,
      since: new Date(now.getTime() - 3 * HOUR_MS),
      failureStreak: failing ? 3 : 0,
      successStreak: failing ? 0 : 5,
      failureRunStartedAt: null,
      lastCheckedAt: checkedAt,
      lastOutcome: failing ? 'http_5xx' : 'ok',
      latencyMs: 180,
      openIncidentId: null,
    },
    rollups,
    event: null,
  });
}

/** Mostly operational history with a little downtime every tenth day. */
export function historyRollups(serviceId: string, options: { days: number; now: Date }): Rollup[] {
  const rollups: Rollup[] = [];
  const firstHour = Math.floor(options.now.getTime() / HOUR_MS) * HOUR_MS - options.days * 24 * HOUR_MS;
  for (let h = 0; h < options.days * 24; h++) {
    const down = h % 240 === 5 ? 600 : 0;
    rollups.push(rollup(serviceId, 'hour', new Date(firstHour + h * HOUR_MS), { operational: 3600 - down, down }, 60));
  }
  for (let d = options.days; d >= 1; d--) {
    const start = parisDayStart(options.now.getTime() - d * 24 * HOUR_MS);
    const down = d % 10 === 0 ? 600 : 0;
    rollups.push(rollup(serviceId, 'day', new Date(start), { operational: 86_400 - down, down }, 1440));
  }
  return rollups;
}

function rollup(serviceId: string, granularity: 'hour' | 'day', bucketStart: Date, seconds: { operational: number; down: number }, checks: number): Rollup {
  const histogram = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  histogram[2] = Math.round(checks * 0.8);
  histogram[4] = checks - Math.round(checks * 0.8);
  return {
    serviceId,
    granularity,
    bucketStart,
    checks,
    failures: seconds.down > 0 ? 10 : 0,
    seconds: { operational: seconds.operational, degraded: 0, down: seconds.down, maintenance: 0, unknown: 0 },
    latencyCount: checks,
    latencySumMs: checks * 200,
    latencyMaxMs: 480,
    latencyHistogram: histogram,
  };
}
