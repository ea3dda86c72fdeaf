import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { writeLocatedCatalogue } from '../probe/support/probe-processes.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from '../store/postgres-support.ts';
import { checkResult, serviceTracking } from '../support/records.ts';

/**
 * The site judges freshness by the store's clock, not its host's: read under libfaketime two
 * minutes behind or ahead of PostgreSQL, a check 100 s old (fresh at a 60 s interval) is shown
 * operational, one 200 s old (past three intervals) unknown, and no check time is later than the
 * page's own. By its host's clock, behind it showed the stale one green and the fresh one unknown;
 * ahead, the fresh one unknown.
 */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const READER = 'test/faults/support/read-status.ts';
const PARIS = { id: 'paris', address: '127.0.0.2', country: 'FR' };
const available = (await requirePostgres('test/faults/site-clock-skew.test.ts')) && existsSync(LIBFAKETIME);
const schemas = schemaFactory('vigie_site_skew');
let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-site-skew-'));
});
afterAll(async () => {
  await store?.close();
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

interface Read {
  hostNow: string;
  generatedAt: string;
  services: { id: string; state: string; lastCheckedAt: string | null }[];
}

describe.runIf(available)('a web host whose clock is two minutes off the store', () => {
  it.each([
    ['behind', '-2m'],
    ['ahead', '+2m'],
  ])('judges freshness by the store clock (%s)', async (_, offset) => {
    const schema = schemas.next();
    store = await openStore(TEST_POSTGRES_URL, { schema });
    const services = ['fresh', 'stale'];
    const catalogue = writeLocatedCatalogue(dir, [PARIS], {
      defaults: { allowPrivateNetwork: true, interval: 60 },
      services: services.map((id) => ({ id, category: 'tests', name: { fr: id, en: id }, url: `http://127.0.0.1:9/${id}` })),
    });
    const storeNow = (await store.now()).getTime();
    await store.recordHeartbeat({
      location: 'paris',
      process: 'p1',
      at: new Date(storeNow - 5_000),
      canariesHealthy: true,
      version: 'test',
    });
    for (const [id, ageS] of [
      ['fresh', 100],
      ['stale', 200],
    ] as const) {
      const at = new Date(storeNow - ageS * 1000);
      await store.recordCheck({
        result: checkResult({ serviceId: id, startedAt: at }),
        tracking: serviceTracking({ serviceId: id, state: 'operational', since: new Date(storeNow - 3_600_000), lastCheckedAt: at }),
        rollups: [],
        event: null,
      });
    }

    const read = JSON.parse(
      execFileSync(process.execPath, [READER], {
        env: {
          ...process.env,
          DATABASE_URL: `${TEST_POSTGRES_URL}?options=-c%20search_path%3D${schema}`,
          VIGIE_SERVICES: catalogue,
          LD_PRELOAD: LIBFAKETIME,
          FAKETIME: offset,
          FAKETIME_DONT_FAKE_MONOTONIC: '1',
        },
        encoding: 'utf8',
      }),
    ) as Read;
    const storeAfter = (await store.now()).getTime();
    const skewS = (Date.parse(read.hostNow) - storeAfter) / 1000;
    expect(Math.abs(skewS), 'the reader ran under faketime').toBeGreaterThan(100);
    const states = Object.fromEntries(read.services.map((s) => [s.id, s.state]));
    console.info(`[faults] web host ${skewS.toFixed(0)} s off the store: ${JSON.stringify(states)}`);
    expect(states).toEqual({ fresh: 'operational', stale: 'unknown' });
    const generatedAt = Date.parse(read.generatedAt);
    expect(generatedAt).toBeGreaterThanOrEqual(storeNow);
    expect(generatedAt).toBeLessThanOrEqual(storeAfter);
    for (const s of read.services) expect(Date.parse(s.lastCheckedAt!)).toBeLessThanOrEqual(generatedAt);
  });
});
