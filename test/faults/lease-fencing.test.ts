import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { health, startProbe, writeLocatedCatalogue, type ProbeProcess } from '../probe/support/probe-processes.ts';
import { ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';
import { until } from './support/processes.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

/**
 * Two probe processes at one location share its services through leases on the suite's own
 * PostgreSQL; one of them loses its lease without dying: frozen (SIGSTOP) or cut off from the
 * database (a TCP proxy that refuses), past its lease, while the other takes its services over,
 * sees an outage through and resolves it. The cut one, having seen the other alive, stops checking
 * at its lease's end. When the first comes back, its late writes carry a lease that is no longer
 * its own: kept as history only. No slot is checked twice, the state never
 * flips back, one incident, one outage/recovery pair for subscribers, uptime counted once.
 */
const PARIS = { id: 'paris', address: '127.0.0.2', country: 'FR' };
const PARIS_TOO = { id: 'paris', address: '127.0.0.3', country: 'FR' };
const INTERVAL_S = 2;
const LEASE_S = 3;
const SERVICES = ['s1', 's2', 's3', 's4', 's5', 's6'];

let pgServer: OwnPostgres;
let gov: FakeGov;
let dir: string;
let db: pg.Client;
let proxy: TcpProxy | undefined;
let probes: ProbeProcess[] = [];

beforeAll(async () => {
  if (!ownPostgresAvailable()) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries are needed for the fault suite');
    return;
  }
  pgServer = await startOwnPostgres();
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-fencing-'));
});

afterEach(async () => {
  for (const probe of probes) {
    if (probe.child.signalCode === null && probe.child.exitCode === null) probe.child.kill('SIGCONT');
    await probe.stop();
  }
  probes = [];
  await db?.end();
  await proxy?.stop();
  proxy = undefined;
});

afterAll(async () => {
  await gov?.stop();
  pgServer?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh database for the scenario; returns its URL through `port` (the server's, or a proxy's). */
async function freshDatabase(name: string): Promise<(port: number) => string> {
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  db = new pg.Client({ connectionString: pgServer.url.replace(/\/postgres$/, `/${name}`) });
  await db.connect();
  return (port) => `postgres://postgres@127.0.0.1:${port}/${name}`;
}

async function startPair(urlA: string, urlB: string): Promise<[ProbeProcess, ProbeProcess]> {
  const catalogue = writeLocatedCatalogue(dir, [PARIS], {
    defaults: { allowPrivateNetwork: true, interval: INTERVAL_S, timeout: 1 },
    services: SERVICES.map((id) => ({ id, category: 'tests', name: { fr: id, en: id }, url: gov.url(id) })),
  });
  const env = { VIGIE_SERVICES: catalogue, VIGIE_PROBE_LEASE_SECONDS: String(LEASE_S) };
  const a = await startProbe(PARIS, { ...env, DATABASE_URL: urlA });
  const b = await startProbe(PARIS_TOO, { ...env, DATABASE_URL: urlB });
  probes.push(a, b);
  await until(async () => (await held(a)) > 0 && (await held(b)) > 0 && (await held(a)) + (await held(b)) === SERVICES.length, 60_000);
  return [a, b];
}

const held = async (probe: ProbeProcess) => (await health(probe))?.leasesHeld ?? 0;

/** A service process `b` holds now. */
async function heldBy(probe: ProbeProcess): Promise<string> {
  const { rows } = await db.query<{ service_id: string }>(
    'SELECT l.service_id FROM service_leases l JOIN probe_holders h ON h.holder = l.holder WHERE h.pid = $1 ORDER BY 1 LIMIT 1',
    [probe.child.pid],
  );
  return rows[0]!.service_id;
}

async function incidents(serviceId: string): Promise<{ id: string; resolved: boolean }[]> {
  const { rows } = await db.query<{ id: string; resolved_at: Date | null }>(
    "SELECT id, resolved_at FROM incidents WHERE service_id = $1 AND kind = 'auto' ORDER BY started_at",
    [serviceId],
  );
  return rows.map((r) => ({ id: r.id, resolved: r.resolved_at !== null }));
}

async function outageEvents(serviceId: string): Promise<string[]> {
  const { rows } = await db.query<{ kind: string; service_ids: string[] }>('SELECT kind, service_ids FROM outbox_events ORDER BY seq');
  return rows.filter((r) => r.service_ids.includes(serviceId)).map((r) => r.kind);
}

async function trackingState(serviceId: string): Promise<string> {
  const { rows } = await db.query<{ state: string }>('SELECT state FROM service_tracking WHERE service_id = $1', [serviceId]);
  return rows[0]?.state ?? 'none';
}

/** Seconds of `serviceId` the rollups cover, and the time from its first to its last counted check. */
async function coverage(serviceId: string): Promise<{ covered: number; elapsed: number }> {
  const { rows } = await db.query<{ covered: number }>(
    `SELECT sum(s_operational + s_degraded + s_down + s_maintenance + s_unknown) AS covered FROM rollups
     WHERE service_id = $1 AND granularity = 'hour'`,
    [serviceId],
  );
  const covered = Number(rows[0]!.covered);
  const span = await db.query<{ first: Date; last: Date }>(
    `SELECT (SELECT min(started_at) FROM check_results WHERE service_id = $1) AS first,
       (SELECT last_checked_at FROM service_tracking WHERE service_id = $1) AS last`,
    [serviceId],
  );
  return { covered, elapsed: (span.rows[0]!.last.getTime() - span.rows[0]!.first.getTime()) / 1000 };
}

/** Checks of a service by different processes less than half an interval apart, after `since`. */
function doubleChecks(since: number): { serviceId: string; gapMs: number }[] {
  return SERVICES.flatMap((serviceId) => {
    const hits = gov.hitLog(serviceId).filter((h) => h.at >= since);
    return hits.slice(1).flatMap((h, i) => {
      const gapMs = h.at - hits[i]!.at;
      return h.from !== hits[i]!.from && gapMs < (INTERVAL_S * 1000) / 2 ? [{ serviceId, gapMs }] : [];
    });
  });
}

/** Watches the service's tracking every 50 ms until stopped; returns the states seen. */
function watchState(serviceId: string): { stop(): Promise<Set<string>> } {
  const seen = new Set<string>();
  let watching = true;
  const loop = (async () => {
    while (watching) {
      seen.add(await trackingState(serviceId));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      watching = false;
      await loop;
      return seen;
    },
  };
}

describe.runIf(ownPostgresAvailable())('a probe process that loses its lease without dying', () => {
  it('SIGSTOP past its lease, then SIGCONT: no slot checked twice, no state flip from the stale process', async () => {
    const url = await freshDatabase('fencing_stop');
    const [a, b] = await startPair(url(pgServer.port), url(pgServer.port));
    const victim = await heldBy(b);
    gov.set(victim, status(503));
    await until(
      async () => (await incidents(victim)).length === 1,
      60_000,
      () => b.output(),
    );

    b.child.kill('SIGSTOP');
    const stoppedAt = Date.now();
    gov.set(victim, up());
    await until(
      async () => (await held(a)) === SERVICES.length && (await incidents(victim))[0]!.resolved,
      60_000,
      () => a.output(),
    );
    const pausedS = (Date.now() - stoppedAt) / 1000;

    const resumedAt = Date.now();
    const states = watchState(victim);
    b.child.kill('SIGCONT');
    // B comes back, learns it lost its leases, and takes its share again through a hand-over.
    await until(
      async () => (await held(b)) > 0 && (await held(a)) < SERVICES.length,
      60_000,
      () => b.output(),
    );
    await new Promise((r) => setTimeout(r, INTERVAL_S * 2 * 1000));
    const seen = await states.stop();

    const doubles = doubleChecks(resumedAt);
    expect(doubles).toEqual([]);
    expect([...seen]).toEqual(['operational']);
    expect(await incidents(victim)).toHaveLength(1);
    expect(await outageEvents(victim)).toEqual(['outage_confirmed', 'outage_recovered']);
    console.info(
      `[faults] SIGSTOP past the lease (${pausedS.toFixed(1)} s, lease ${LEASE_S} s), then SIGCONT: ` +
        `${doubles.length} slots checked twice, states of ${victim} after SIGCONT: ${[...seen].join(', ')}, ` +
        `${(await incidents(victim)).length} incident, subscribers told ${(await outageEvents(victim)).join(' + ')}`,
    );
  });

  it('network cut between one process and PostgreSQL: one incident, one outage/recovery pair, uptime counted once', async () => {
    const url = await freshDatabase('fencing_cut');
    proxy = await startTcpProxy(pgServer.port);
    const [a, b] = await startPair(url(pgServer.port), url(proxy.port));
    const victim = await heldBy(b);
    proxy.cut();
    const cutAt = Date.now();
    gov.set(victim, status(503));
    // A takes the service over once B's lease runs out, confirms the outage and sees it through.
    await until(
      async () => (await incidents(victim)).length === 1,
      60_000,
      () => a.output(),
    );
    gov.set(victim, up());
    await until(
      async () => (await incidents(victim))[0]?.resolved === true,
      60_000,
      () => a.output(),
    );
    const bufferedByB = ((await health(b)) as unknown as { buffer: { size: number } }).buffer.size;
    proxy.heal();
    const healAt = Date.now();
    const cutS = (healAt - cutAt) / 1000;
    // B had seen A alive: past its lease's end (a second of slack for a check started just before) it checks nothing more.
    const leaseOver = cutAt + (LEASE_S + 1) * 1000;
    const checksByBPastLease = SERVICES.flatMap((id) =>
      gov.hitLog(id).filter((h) => h.from === PARIS_TOO.address && h.at > leaseOver && h.at < healAt),
    ).length;
    const checksByBBeforeEnd = SERVICES.flatMap((id) =>
      gov.hitLog(id).filter((h) => h.from === PARIS_TOO.address && h.at >= cutAt && h.at <= leaseOver),
    ).length;
    await until(
      async () => ((await health(b)) as unknown as { buffer: { size: number } } | null)?.buffer.size === 0,
      60_000,
      () => b.output(),
    );
    await until(
      async () => (await held(b)) > 0,
      60_000,
      () => b.output(),
    );
    await new Promise((r) => setTimeout(r, INTERVAL_S * 2 * 1000));

    const { covered, elapsed } = await coverage(victim);
    expect(checksByBPastLease).toBe(0);
    expect(await incidents(victim)).toHaveLength(1);
    expect(await outageEvents(victim)).toEqual(['outage_confirmed', 'outage_recovered']);
    expect(await trackingState(victim)).toBe('operational');
    // Each check covers up to two intervals back: what is more than that was counted twice.
    expect(covered).toBeLessThanOrEqual(elapsed + 2 * INTERVAL_S + 1);
    console.info(
      `[faults] network cut of one process from PostgreSQL for ${cutS.toFixed(1)} s: it checked ${checksByBBeforeEnd} times until its lease ended, ` +
        `${checksByBPastLease} after; ${bufferedByB} results it buffered, written as history only; ` +
        `${(await incidents(victim)).length} incident, subscribers told ${(await outageEvents(victim)).join(' + ')}; ` +
        `uptime covers ${covered.toFixed(1)} s of ${victim} in ${elapsed.toFixed(1)} s`,
    );
  });
});
