import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemClock } from '../../src/probe/clock.ts';
import { createWriteBatcher } from '../../src/probe/write-batcher.ts';
import type { CheckResult } from '../../src/domain/records.ts';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import type { RecordCheckInput } from '../../src/store/sql/record-check.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The PostgreSQL phases of `npm run bench:probe`, each in a fresh schema dropped afterwards.
 * - pgwrite: how many results per second the store takes. Baseline, same run: one transaction per
 *   result, written one after another (how the probe wrote before group commit). Then group
 *   commit with results from 3 locations at once, as three probe processes would send them.
 * - pgprobe: three probe processes (one per location) on one schema, each checking every service
 *   against its own fake government process.
 */
export const BENCH_POSTGRES_URL = process.env.VIGIE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const LOCATIONS = ['paris', 'lyon', 'montreal'];
/** As the catalogue lists them, so the probes vote and read each other as they do in production. */
export const LOCATION_CONFIGS = LOCATIONS.map((id) => ({
  id,
  name: { fr: id, en: id },
  country: id === 'montreal' ? 'CA' : 'FR',
}));
const SERVICES = 5000;
const IN_FLIGHT_PER_LOCATION = 300;

export async function withSchema<T>(work: (schema: string) => Promise<T>): Promise<T> {
  const schema = `vigie_bench_${randomBytes(5).toString('hex')}`;
  try {
    return await work(schema);
  } finally {
    const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

function checkInput(n: number, location: string): RecordCheckInput {
  const serviceId = `svc-${n % SERVICES}`;
  const startedAt = new Date(Date.parse('2026-05-01T00:00:00Z') + Math.floor(n / SERVICES) * 60_000);
  const result: CheckResult = {
    serviceId,
    location,
    startedAt,
    outcome: 'ok',
    latencyMs: 40 + (n % 200),
    httpStatus: 200,
    finalUrl: null,
    tlsExpiresAt: null,
    detail: null,
    probeOffline: false,
  };
  return {
    result,
    tracking: {
      serviceId,
      location,
      state: 'operational',
      since: startedAt,
      failureStreak: 0,
      successStreak: 2,
      failureRunStartedAt: null,
      lastCheckedAt: startedAt,
      lastOutcome: 'ok',
      latencyMs: result.latencyMs,
      openIncidentId: null,
    },
    rollups: rollupDeltas({ result, state: 'operational', previousCheckedAt: null, interval: 60, share: 1 / 3 }),
    event: null,
  };
}

/** Writes for `ms` with `writers` concurrent loops per location; returns results per second. */
async function pump(
  ms: number,
  write: (input: RecordCheckInput) => Promise<unknown>,
  locations: string[],
  writers: number,
): Promise<number> {
  const until = performance.now() + ms;
  let done = 0;
  const loop = async (location: string, offset: number) => {
    for (let n = offset; performance.now() < until; n += writers) {
      await write(checkInput(n, location));
      done += 1;
    }
  };
  const start = performance.now();
  await Promise.all(locations.flatMap((location) => Array.from({ length: writers }, (_, i) => loop(location, i))));
  return done / ((performance.now() - start) / 1000);
}

export async function pgWritePhase(seconds: number, open: (schema: string) => Promise<Store>): Promise<string> {
  const half = (seconds * 1000) / 2;
  const sequential = await withSchema(async (schema) => {
    const store = await open(schema);
    try {
      return await pump(half, (input) => store.recordCheck(input), ['paris'], 1);
    } finally {
      await store.close();
    }
  });
  const batched = await withSchema(async (schema) => {
    const stores = await Promise.all(LOCATIONS.map(() => open(schema)));
    try {
      const writers = stores.map((store) => createWriteBatcher({ store, clock: systemClock, windowMs: 250, maxSize: 200 }));
      const byLocation = new Map(LOCATIONS.map((l, i) => [l, writers[i]!]));
      return await pump(half, (input) => byLocation.get(input.result.location)!(input), LOCATIONS, IN_FLIGHT_PER_LOCATION);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
  // The same with every write carrying its lease, checked in the write's transaction (fencing).
  const fenced = await withSchema(async (schema) => {
    const stores = await Promise.all(LOCATIONS.map(() => open(schema)));
    try {
      const ids = Array.from({ length: SERVICES }, (_, n) => `svc-${n}`);
      const epochs = new Map<string, Record<string, number>>();
      for (const [i, location] of LOCATIONS.entries()) {
        await stores[i]!.seedLeases(location, ids);
        const now = new Date();
        const claimed = await stores[i]!.claimLeases({
          location,
          holder: `bench-${location}`,
          want: SERVICES,
          now,
          until: new Date(now.getTime() + 3_600_000),
        });
        epochs.set(location, claimed.epochs);
      }
      const writers = stores.map((store) => createWriteBatcher({ store, clock: systemClock, windowMs: 250, maxSize: 200 }));
      const byLocation = new Map(LOCATIONS.map((l, i) => [l, writers[i]!]));
      return await pump(
        half,
        (input) => {
          const { location, serviceId } = input.result;
          return byLocation.get(location)!({ ...input, lease: { holder: `bench-${location}`, epoch: epochs.get(location)![serviceId]! } });
        },
        LOCATIONS,
        IN_FLIGHT_PER_LOCATION,
      );
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
  return [
    `pg writes    baseline (one transaction per result, sequential, as before): ${sequential.toFixed(0)} results/s`,
    `group commit (250 ms / 200 results), 3 locations, ${IN_FLIGHT_PER_LOCATION} in flight each: ${batched.toFixed(0)} results/s`,
    `the same, each write carrying its lease (fencing): ${fenced.toFixed(0)} results/s`,
  ].join('\n  ');
}

/** Three probe processes, one per location, on one schema; each prints its own figures. */
export async function pgProbePhase(
  phase: { count: number; seconds: number },
  runChild: (spec: string, env: Record<string, string>, index: number) => Promise<string>,
): Promise<string> {
  return withSchema(async (schema) => {
    const outputs = await Promise.all(
      LOCATIONS.map((location, i) =>
        runChild(`probe:${phase.count}:${phase.seconds}`, { BENCH_PG_SCHEMA: schema, BENCH_LOCATION: location }, i),
      ),
    );
    return [`3 locations × ${phase.count} services on one PostgreSQL, one probe process each:`, ...outputs].join('\n');
  });
}
