import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { manyServices, probeHealth, probeReady, serviceIds, storedResults, totalHits } from './support/backlog.ts';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';
import { startProbe, stopGracefully, until, writeJson, type Running } from './support/processes.ts';

/**
 * The probe's write path when PostgreSQL goes away or slows down, with enough services for a
 * backlog to pile up (150 services every 2 s: 75 results a second): the backlog is written in
 * seconds once the store is back and every check made is stored; a SIGTERM while it waits spools
 * it for the next start; a table lock leaves the checks going, the results waiting, and the probe
 * saying the store is slow (for its writes, or for its lease renewals), not unreachable.
 */
const SERVICES = 150;
const ids = serviceIds(SERVICES);
let pg_: OwnPostgres;
let gov: FakeGov;
let dir: string;
let env: Record<string, string>;
let probe: (Running & { port: number }) | undefined;

beforeAll(async () => {
  if (!ownPostgresAvailable()) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries are needed for the fault suite');
    return;
  }
  pg_ = await startOwnPostgres();
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-backlog-'));
  env = {
    DATABASE_URL: pg_.url,
    VIGIE_SERVICES: writeJson(dir, 'services.json', manyServices(gov, SERVICES, 2)),
    VIGIE_PROBE_PER_HOST: '50',
    VIGIE_PROBE_SPOOL_DIR: join(dir, 'spool'),
  };
});

afterAll(async () => {
  if (probe) await stopGracefully(probe);
  await gov?.stop();
  pg_?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits for the probe's buffer to be empty and the probe ready again; returns how long it took. */
async function drained(port: number, output: () => string): Promise<number> {
  const started = Date.now();
  await until(async () => (await probeHealth(port)).buffer.size === 0 && (await probeReady(port)).status === 200, 60_000, output);
  return Date.now() - started;
}

describe.runIf(ownPostgresAvailable())('the write path when PostgreSQL fails', () => {
  it('PostgreSQL down for a while: the backlog is written in seconds once it is back, and every check made is stored', async () => {
    probe = await startProbe(env);
    await until(async () => (await storedResults(pg_.url)).count >= SERVICES, 60_000, probe.output);
    pg_.stop();
    await until(async () => (await probeHealth(probe!.port)).buffer.size >= 1_000, 60_000, probe.output);
    await until(async () => (await probeHealth(probe!.port)).store.leases?.state === 'unreachable', 60_000, probe.output);
    const down = await probeHealth(probe.port);
    expect(down.store.writes).toBe('unavailable');
    expect(down.scheduler.checksStarted).toBeGreaterThan(0);
    pg_.start();
    const backlog = (await probeHealth(probe.port)).buffer.size;
    const drainMs = await drained(probe.port, probe.output);
    const after = await probeHealth(probe.port);
    expect(after.buffer).toMatchObject({ dropped: 0, rejected: 0, store: 'ok' });
    const lag = (await storedResults(pg_.url)).newestAgeMs!;
    await stopGracefully(probe);
    probe = undefined;
    const stored = await storedResults(pg_.url);
    expect(stored.count).toBe(totalHits(gov, ids));
    console.info(
      `[faults] PostgreSQL outage: backlog of ${backlog} results (${after.buffer.written} written from the buffer in all) ` +
        `written within ${(drainMs / 1000).toFixed(1)} s of PostgreSQL's restart, retries included (the old drain wrote ≈4 results/s); ` +
        `newest stored result ${(lag / 1000).toFixed(1)} s old once drained; ${stored.count} stored = ${totalHits(gov, ids)} checks made`,
    );
  });

  it('SIGTERM while PostgreSQL is down: what waits is spooled, and the next start writes it first; nothing lost', async () => {
    probe = await startProbe(env);
    await until(async () => (await probeHealth(probe!.port)).scheduler.checksStarted >= SERVICES, 60_000, probe.output);
    pg_.stop();
    await until(async () => (await probeHealth(probe!.port)).buffer.size >= 300, 60_000, probe.output);
    probe.child.kill('SIGTERM');
    expect((await probe.exited).code).toBe(0);
    const spooled = Number(/(\d+) results not yet stored are spooled/.exec(probe.output())?.[1]);
    expect(spooled).toBeGreaterThanOrEqual(300);
    pg_.start();

    probe = await startProbe(env);
    const drainMs = await drained(probe.port, probe.output);
    await stopGracefully(probe);
    probe = undefined;
    const stored = await storedResults(pg_.url);
    expect(stored.count).toBe(totalHits(gov, ids));
    console.info(
      `[faults] SIGTERM during an outage: ${spooled} results spooled, written by the next start in ${(drainMs / 1000).toFixed(1)} s; ` +
        `${stored.count} stored = ${totalHits(gov, ids)} checks made`,
    );
  });

  it('a table lock: checks go on, results wait in memory, /readyz is not ready and /healthz says slow; then everything is written', async () => {
    probe = await startProbe(env);
    await until(async () => (await probeHealth(probe!.port)).scheduler.checksStarted >= SERVICES, 60_000, probe.output);
    const locker = new pg.Client({ connectionString: pg_.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE check_results IN ACCESS EXCLUSIVE MODE');
      const locked = Date.now();
      const before = (await probeHealth(probe.port)).scheduler.checksStarted;
      await until(async () => (await probeHealth(probe!.port)).store.writes === 'slow', 30_000, probe.output);
      const ready = await probeReady(probe.port);
      expect(ready.status).toBe(503);
      expect(ready.problems.join()).toMatch(/store slow for writes since/);
      // Two more rounds of every service while the lock holds.
      await until(async () => (await probeHealth(probe!.port)).scheduler.checksStarted >= before + 2 * SERVICES, 30_000, probe.output);
      const during = await probeHealth(probe.port);
      expect(during.buffer.size).toBeGreaterThan(0);
      await locker.query('ROLLBACK');
      const heldMs = Date.now() - locked;
      const drainMs = await drained(probe.port, probe.output);
      await stopGracefully(probe);
      probe = undefined;
      const stored = await storedResults(pg_.url);
      expect(stored.count).toBe(totalHits(gov, ids));
      console.info(
        `[faults] table lock for ${(heldMs / 1000).toFixed(1)} s: ${during.scheduler.checksStarted - before} checks started meanwhile, ` +
          `${during.buffer.size} results waiting, /healthz "${during.store.writes}", /readyz 503; written in ${(drainMs / 1000).toFixed(1)} s after the lock; ` +
          `${stored.count} stored = ${totalHits(gov, ids)} checks made`,
      );
    } finally {
      await locker.end();
    }
  });

  it('a lock on the leases table: checks go on, and the probe says the store is slow for its lease renewals, not unreachable', async () => {
    probe = await startProbe(env);
    await until(async () => (await probeHealth(probe!.port)).store.leases?.state === 'ok', 60_000, probe.output);
    const locker = new pg.Client({ connectionString: pg_.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE service_leases IN ACCESS EXCLUSIVE MODE');
      const locked = Date.now();
      await until(async () => (await probeHealth(probe!.port)).store.leases?.state === 'slow', 60_000, probe.output);
      const slowAfterMs = Date.now() - locked;
      const before = (await probeHealth(probe.port)).scheduler.checksStarted;
      const ready = await probeReady(probe.port);
      expect(ready.status).toBe(503);
      expect(ready.problems.join()).toMatch(/store slow for lease renewals since/);
      const metrics = await (await fetch(`http://127.0.0.1:${probe.port}/metrics`)).text();
      expect(metrics).toMatch(/^vigie_probe_store_leases\{[^}]*state="slow"\} 1$/m);
      expect(metrics).toMatch(/^vigie_probe_store_leases\{[^}]*state="unreachable"\} 0$/m);
      await until(async () => (await probeHealth(probe!.port)).scheduler.checksStarted >= before + SERVICES, 30_000, probe.output);
      await locker.query('ROLLBACK');
      await until(async () => (await probeHealth(probe!.port)).store.leases?.state === 'ok', 60_000, probe.output);
      console.info(
        `[faults] lock on service_leases: /healthz said "slow" for lease renewals ${(slowAfterMs / 1000).toFixed(1)} s after the lock ` +
          `(not "unreachable"), checks went on, "ok" again after the release`,
      );
    } finally {
      await locker.end();
    }
  });
});
