import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, status, type FakeGov } from '../fake-gov/index.ts';
import { health, startProbe, until, writeLocatedCatalogue, type ProbeProcess } from '../probe/support/probe-processes.ts';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';

/**
 * One of two probe processes at a location runs with its clock two minutes ahead (libfaketime,
 * Debian's `faketime` package). Leases and liveness are judged by PostgreSQL's clock: the skewed
 * process takes no lease and says why in /healthz; the other checks everything, no time in the
 * future is stored, and once the skewed one is killed nothing changes.
 * Then across locations: the only probe at one of two locations runs two minutes ahead and dies as
 * an outage starts; the other location's verdict alone opens the incident (by its own probe's
 * clock, the dead one had kept voting "operational" for two minutes, the outage published as
 * degraded and its incident opened at +157 s instead of about +35 s in the review).
 */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const PARIS = { id: 'paris', address: '127.0.0.2', country: 'FR' };
const PARIS_TOO = { id: 'paris', address: '127.0.0.3', country: 'FR' };
const LYON = { id: 'lyon', address: '127.0.0.4', country: 'FR' };
const SERVICES = ['s1', 's2', 's3', 's4'];
const available = ownPostgresAvailable() && existsSync(LIBFAKETIME);

let pgServer: OwnPostgres;
let gov: FakeGov;
let dir: string;
const probes: ProbeProcess[] = [];

beforeAll(async () => {
  if (!available) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries and faketime are needed for the fault suite');
    return;
  }
  pgServer = await startOwnPostgres();
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-skew-'));
});

afterAll(async () => {
  for (const probe of probes) await probe.stop();
  await gov?.stop();
  pgServer?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Health {
  leasesHeld: number;
  blind: { reason: string } | null;
  clock: { skewMs: number; skewed: boolean } | null;
}

describe.runIf(available)('a probe process whose clock is two minutes ahead', () => {
  it('takes no lease and says so; the other checks everything, nothing is dated in the future', async () => {
    const env = {
      DATABASE_URL: pgServer.url,
      VIGIE_SERVICES: writeLocatedCatalogue(dir, [PARIS], {
        defaults: { allowPrivateNetwork: true, interval: 2, timeout: 1 },
        services: SERVICES.map((id) => ({ id, category: 'tests', name: { fr: id, en: id }, url: gov.url(id) })),
      }),
      VIGIE_PROBE_LEASE_SECONDS: '3',
    };
    const fast = await startProbe(PARIS_TOO, {
      ...env,
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME: '+2m',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    });
    probes.push(fast);
    const right = await startProbe(PARIS, env);
    probes.push(right);
    const read = async (probe: ProbeProcess) => (await health(probe)) as unknown as Health | null;

    await until('the right clock to hold every lease', async () => (await read(right))?.leasesHeld === SERVICES.length, 60_000);
    await until('the fast clock to say why it checks nothing', async () => (await read(fast))?.blind?.reason === 'clock_skew', 60_000);
    const skewed = (await read(fast))!;
    expect(skewed.leasesHeld).toBe(0);
    expect(skewed.clock?.skewed).toBe(true);
    expect(skewed.clock!.skewMs).toBeLessThan(-100_000);
    expect((await read(right))!.blind).toBeNull();

    const db = new pg.Client({ connectionString: pgServer.url });
    await db.connect();
    try {
      const inFuture = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              `SELECT (SELECT count(*) FROM check_results WHERE started_at > now() + interval '5 seconds')
                    + (SELECT count(*) FROM service_tracking WHERE last_checked_at > now() + interval '5 seconds')
                    + (SELECT count(*) FROM probe_heartbeats WHERE at > now() + interval '5 seconds') AS n`,
            )
          ).rows[0]!.n,
        );
      expect(await inFuture()).toBe(0);

      fast.child.kill('SIGKILL');
      const killedAt = (await db.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
      await until(
        'a check after the kill',
        async () => Number((await db.query('SELECT count(*) AS n FROM check_results WHERE started_at > $1', [killedAt])).rows[0].n) > 0,
        30_000,
      );
      const next = (await db.query<{ at: Date }>('SELECT min(started_at) AS at FROM check_results WHERE started_at > $1', [killedAt]))
        .rows[0]!.at;
      expect(await inFuture()).toBe(0);
      console.info(
        `[faults] clock +2 min on one of two processes: measured skew ${(skewed.clock!.skewMs / 1000).toFixed(1)} s, it held 0 leases, ` +
          `the other ${SERVICES.length}; 0 times in the future; kill -9 of the fast one: next check ${((next.getTime() - killedAt.getTime()) / 1000).toFixed(1)} s later`,
      );
    } finally {
      await db.end();
    }
  });

  it('a dead probe with a fast clock at another location does not keep voting: the outage opens its incident at once', async () => {
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    await admin.query('CREATE DATABASE skew_locations');
    await admin.end();
    const url = pgServer.url.replace(/\/postgres$/, '/skew_locations');
    const env = {
      DATABASE_URL: url,
      VIGIE_SERVICES: writeLocatedCatalogue(dir, [PARIS, LYON], {
        defaults: { allowPrivateNetwork: true, interval: 2, timeout: 1 },
        services: [{ id: 'q1', category: 'tests', name: { fr: 'q1', en: 'q1' }, url: gov.url('q1') }],
      }),
      VIGIE_PROBE_LEASE_SECONDS: '3',
    };
    const lyon = await startProbe(LYON, { ...env, LD_PRELOAD: LIBFAKETIME, FAKETIME: '+2m', FAKETIME_DONT_FAKE_MONOTONIC: '1' });
    probes.push(lyon);
    const paris = await startProbe(PARIS, env);
    probes.push(paris);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      // -1 while the probes have not created the tables yet.
      const count = async (sql: string) => Number((await db.query<{ n: string }>(sql).catch(() => ({ rows: [{ n: '-1' }] }))).rows[0]!.n);
      await until(
        'both locations to have sent a heartbeat and Paris to have checked q1',
        async () =>
          (await count("SELECT count(DISTINCT location) AS n FROM probe_heartbeats WHERE location IN ('paris', 'lyon')")) === 2 &&
          (await count("SELECT count(*) AS n FROM service_tracking WHERE location = 'paris' AND last_checked_at IS NOT NULL")) === 1,
        60_000,
      );
      // A few rounds with both alive, so a fast clock had time to write its future-dated checks.
      await new Promise((r) => setTimeout(r, 6_000));
      lyon.child.kill('SIGKILL');
      gov.set('q1', status(503));
      const killedAt = (await db.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
      const opened = await until(
        "an automatic incident on q1, from Paris's verdict alone",
        async () =>
          (await db.query<{ created_at: Date }>("SELECT created_at FROM incidents WHERE service_id = 'q1' AND kind = 'auto'")).rows[0]
            ?.created_at,
        90_000,
      );
      const lyonAhead = await count(
        "SELECT count(*) AS n FROM service_tracking WHERE location = 'lyon' AND last_checked_at > now() + interval '5 seconds'",
      );
      expect(lyonAhead).toBe(0);
      console.info(
        `[faults] clock +2 min at the other location, its probe killed as the outage began: incident opened ` +
          `${((opened.getTime() - killedAt.getTime()) / 1000).toFixed(1)} s later (the review: +157 s), 0 checks dated in the future`,
      );
    } finally {
      await db.end();
    }
  });
});
