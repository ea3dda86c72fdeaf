import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from '../store/postgres-support.ts';
import { health, startProbe, until, writeLocatedCatalogue, type ProbeProcess } from './support/probe-processes.ts';

/**
 * Several real probe processes at one location on one PostgreSQL share its services through
 * leases: evenly, with no slot checked twice, and a kill -9 costs at most one interval plus the
 * lease time before the dead process's services are checked again.
 * On a loaded machine every process runs late by seconds, so nothing here is measured against
 * the test's own clock: the dead process's services are re-checked only once its leases ran out
 * (as stored), and before the survivor has checked its own services more often than one
 * interval plus the lease allows, both read from what the processes stored.
 */
const PARIS = { id: 'paris', address: '127.0.0.2', country: 'FR' };
const INTERVAL_S = 3;
const LEASE_S = 4;
const SERVICES = ['s1', 's2', 's3', 's4', 's5', 's6'];

const available = await requirePostgres('test/probe/leases.test.ts');
const schemas = schemaFactory('vigie_leases');
let gov: FakeGov;
let dir: string;
let store: Store;
const probes: ProbeProcess[] = [];

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-leases-'));
});
afterAll(async () => {
  await Promise.all(probes.map((p) => p.stop()));
  await store?.close();
  await gov.stop();
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Each held lease: the pid of its holder and until when it holds it. */
async function leaseHolders(schema: string): Promise<Map<string, { pid: number; until: Date }>> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ service_id: string; pid: number; lease_until: Date }>(
      `SELECT l.service_id, h.pid, l.lease_until FROM "${schema}".service_leases l JOIN "${schema}".probe_holders h ON h.holder = l.holder`,
    );
    return new Map(rows.map((r) => [r.service_id, { pid: r.pid, until: r.lease_until }]));
  } finally {
    await client.end();
  }
}

/** How many times `id` was checked from `from` (inclusive) to `to` (exclusive). */
async function checksBetween(id: string, from: Date, to: Date): Promise<number> {
  return (await store.listResults(id, { since: from, limit: 1000 })).filter((r) => r.startedAt < to).length;
}

describe.skipIf(!available)('probe processes sharing one location (PostgreSQL leases)', () => {
  it(
    "splits evenly, re-checks a killed process's services within interval + lease, never twice in a slot",
    { timeout: 150_000 },
    async () => {
      const schema = schemas.next();
      store = await openStore(TEST_POSTGRES_URL, { schema });
      const env = {
        VIGIE_SERVICES: writeLocatedCatalogue(dir, [PARIS], {
          defaults: { allowPrivateNetwork: true, interval: INTERVAL_S, timeout: 1 },
          services: SERVICES.map((id) => ({ id, category: 'tests', name: { fr: id, en: id }, url: gov.url(id) })),
        }),
        DATABASE_URL: `${TEST_POSTGRES_URL}?options=-c%20search_path%3D${schema}`,
        VIGIE_PROBE_LEASE_SECONDS: String(LEASE_S),
      };
      const [doomed, survivor] = [await startProbe(PARIS, env), await startProbe(PARIS, env)];
      probes.push(doomed!, survivor!);
      const held = async (p: ProbeProcess) => (await health(p))?.leasesHeld;
      await until('each process to hold half of the services', async () => (await held(doomed!)) === 3 && (await held(survivor!)) === 3);

      const orphans = [...(await leaseHolders(schema))].filter(([, l]) => l.pid === doomed!.child.pid).map(([id]) => id);
      expect(orphans).toHaveLength(3);
      doomed!.child.kill('SIGKILL');
      // Read once the process is dead: nothing can check a service before now, nor renew a lease.
      const killedAt = new Date();
      const leftUntil = await leaseHolders(schema);
      const firstAfter = async (id: string) => (await store.listResults(id, { since: killedAt, limit: 100 })).at(-1)?.startedAt ?? null;
      const rechecked = await until('every orphaned service to be checked again', async () => {
        const times = await Promise.all(orphans.map(firstAfter));
        return times.every((t) => t !== null) && (times as Date[]);
      });
      const own = SERVICES.filter((id) => !orphans.includes(id));
      // In one interval plus the lease, a service checked every interval (±10 %) is checked at most this many times.
      const ownChecksAllowed = Math.ceil((INTERVAL_S + LEASE_S) / (INTERVAL_S * 0.9));
      for (const [i, id] of orphans.entries()) {
        const recheckedAt = rechecked[i]!;
        expect(recheckedAt.getTime(), `${id} re-checked before its lease ran out`).toBeGreaterThanOrEqual(
          leftUntil.get(id)!.until.getTime(),
        );
        const ownChecks = await Promise.all(own.map((o) => checksBetween(o, killedAt, recheckedAt)));
        console.log(
          `${id}: re-checked ${recheckedAt.getTime() - leftUntil.get(id)!.until.getTime()} ms after its lease ended, ` +
            `${recheckedAt.getTime() - killedAt.getTime()} ms after the kill; the survivor's own checks meanwhile: ${ownChecks.join(', ')}`,
        );
        expect(Math.max(...ownChecks), `the survivor's own checks before ${id} was re-checked`).toBeLessThanOrEqual(ownChecksAllowed);
      }
      await until('the survivor to hold every service', async () => (await held(survivor!)) === 6);

      const comeback = await startProbe(PARIS, env);
      probes.push(comeback);
      await until('the new process to take its share back', async () => (await held(comeback)) === 3 && (await held(survivor!)) === 3);
      const handedOver = SERVICES.map((id) => gov.hits(id));
      await until('two more rounds after the hand-over', async () => SERVICES.every((id, i) => gov.hits(id) >= handedOver[i]! + 2));

      for (const id of SERVICES) {
        const times = (await store.listResults(id, { limit: 1000 })).map((r) => r.startedAt.getTime()).sort((a, b) => a - b);
        const gaps = times.slice(1).map((t, i) => t - times[i]!);
        expect(Math.min(...gaps), `${id}: checks at ${times.map((t) => t - times[0]!).join(', ')} ms`).toBeGreaterThanOrEqual(
          (INTERVAL_S * 1000) / 2,
        );
      }
    },
  );
});
