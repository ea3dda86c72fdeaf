import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { probeHealth } from './support/backlog.ts';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';
import { startProbe, stopGracefully, TEST_CATEGORIES, until, writeJson, type Running } from './support/processes.ts';

/**
 * kill -9 of a probe that keeps its name (`VIGIE_PROBE_ID`, as `npm start`'s supervisor and systemd
 * give it): the restarted process takes its predecessor's leases back at once, so on PostgreSQL
 * checks resume before the dead process's leases would have run out, as on SQLite where there are
 * none; and when the database then stops, within the lease time, the restarted probe goes on
 * checking and its results are stored once the database is back. Prints seconds from kill -9 to
 * the next check on both backends.
 */
const SERVICES = ['one', 'two', 'three', 'four'];
const INTERVAL_S = 2;
let gov: FakeGov;
let dir: string;
let pgServer: OwnPostgres | undefined;
const running: Running[] = [];

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-restart-'));
  if (ownPostgresAvailable()) pgServer = await startOwnPostgres();
  else if (process.env.CI) throw new Error('PostgreSQL server binaries are needed for the fault suite');
});

afterAll(async () => {
  for (const probe of running) await stopGracefully(probe);
  await gov.stop();
  pgServer?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function envFor(databaseUrl: string): { DATABASE_URL: string } & Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    VIGIE_PROBE_ID: 'probe-under-test',
    VIGIE_SERVICES: writeJson(dir, 'services.json', {
      categories: TEST_CATEGORIES,
      defaults: { allowPrivateNetwork: true, interval: INTERVAL_S, timeout: 2 },
      services: SERVICES.map((id) => ({ id, name: { fr: id, en: id }, category: 'tests', url: gov.url(id) })),
    }),
  };
}

/** The first check of any service that started after `since`, or null. */
async function firstCheckAfter(store: Store, since: Date): Promise<Date | null> {
  const starts = await Promise.all(SERVICES.map(async (id) => (await store.listResults(id, { since, limit: 1_000 })).at(-1)?.startedAt));
  const times = starts.filter((d): d is Date => d !== undefined && d > since).map((d) => d.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

async function resultCount(store: Store): Promise<number> {
  let total = 0;
  for (const id of SERVICES) total += (await store.listResults(id, { limit: 100_000 })).length;
  return total;
}

/** kill -9 once it has checked every service, then a restart under the same name; returns the kill's time and the restarted process. */
async function killAndRestart(
  env: Record<string, string>,
  store: Store,
): Promise<{ killedAt: Date; restarted: Running & { port: number } }> {
  const first = await startProbe(env);
  running.push(first);
  await until(
    async () => (await firstCheckAfter(store, new Date(0))) !== null && (await resultCount(store)) >= SERVICES.length * 2,
    60_000,
    first.output,
  );
  first.child.kill('SIGKILL');
  await first.exited;
  const killedAt = new Date();
  const restarted = await startProbe(env);
  running.push(restarted);
  return { killedAt, restarted };
}

describe('kill -9 of a probe restarted under its name', () => {
  it('SQLite: checks resume as soon as it is back', async () => {
    const env = envFor(join(dir, 'vigie.db'));
    const store = await openStore(env.DATABASE_URL);
    try {
      const { killedAt, restarted } = await killAndRestart(env, store);
      await until(async () => (await firstCheckAfter(store, killedAt)) !== null, 60_000, restarted.output);
      const resumed = (await firstCheckAfter(store, killedAt))!;
      await stopGracefully(restarted);
      console.info(`[faults] probe kill -9 then restart, SQLite: next check ${seconds(resumed, killedAt)} s after the kill`);
    } finally {
      await store.close();
    }
  });

  it.runIf(ownPostgresAvailable())(
    "PostgreSQL: checks resume before the dead process's leases run out; a database stop just after is buffered, then stored",
    async () => {
      const env = envFor(pgServer!.url);
      const store = await openStore(env.DATABASE_URL);
      try {
        const leasesUntil = async () => {
          const client = new pg.Client({ connectionString: pgServer!.url });
          await client.connect();
          try {
            const { rows } = await client.query<{ until: Date }>(
              'SELECT min(lease_until) AS until FROM service_leases WHERE holder IS NOT NULL',
            );
            return rows[0]!.until;
          } finally {
            await client.end();
          }
        };
        const { killedAt, restarted } = await killAndRestart(env, store);
        const deadLeasesUntil = await leasesUntil();
        await until(async () => (await firstCheckAfter(store, killedAt)) !== null, 60_000, restarted.output);
        const resumed = (await firstCheckAfter(store, killedAt))!;
        // Taken back, not waited out: the first check after the kill came before the dead run's leases expired.
        expect(resumed.getTime()).toBeLessThan(deadLeasesUntil.getTime());
        expect((await probeHealth(restarted.port)) as unknown).toMatchObject({ leasesHeld: SERVICES.length });

        // The database stops within the lease time of the kill: the restarted probe goes on checking.
        const before = await resultCount(store);
        pgServer!.stop();
        const stoppedAt = new Date();
        await until(async () => (await probeHealth(restarted.port)).buffer.size >= SERVICES.length * 2, 60_000, restarted.output);
        const buffered = (await probeHealth(restarted.port)).buffer.size;
        pgServer!.start();
        const backAt = new Date();
        await until(
          async () => {
            const health = await probeHealth(restarted.port);
            return health.buffer.size === 0 && health.buffer.written >= buffered;
          },
          60_000,
          restarted.output,
        );
        await stopGracefully(restarted);
        // Counted against what was stored before the stop, not by start time: a check started just before
        // the stop and written into the buffer after it belongs to the outage's results too.
        const during =
          (await Promise.all(SERVICES.map((id) => store.listResults(id, { limit: 100_000 })))).flat().filter((r) => r.startedAt < backAt)
            .length - before;
        expect(during).toBeGreaterThanOrEqual(buffered);
        console.info(
          `[faults] probe kill -9 then restart, PostgreSQL: next check ${seconds(resumed, killedAt)} s after the kill ` +
            `(the dead run's leases ran until +${seconds(deadLeasesUntil, killedAt)} s); database stopped ${seconds(stoppedAt, killedAt)} s ` +
            `after the kill for ${seconds(backAt, stoppedAt)} s: ${during} results of that time stored afterwards (${before} before)`,
        );
      } finally {
        await store.close();
      }
    },
  );
});

const seconds = (a: Date, b: Date) => ((a.getTime() - b.getTime()) / 1000).toFixed(1);
