import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { startFakeGov, status, type FakeGov } from '../fake-gov/index.ts';
import { startProbe, TEST_CATEGORIES, writeJson } from './support/processes.ts';

/**
 * kill -9 of the probe twenty times while it checks: every result the store acknowledged is
 * there, whole (with its rollups), and the outage that runs through all the kills has one
 * incident, never a second one.
 */
const KILLS = 20;
let gov: FakeGov;
let dir: string;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-kill-'));
});

afterAll(async () => {
  await gov.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 of the probe', () => {
  it(`${KILLS} times during checks: no acknowledged result lost, no duplicate incident`, async () => {
    const ids = ['steady', 'broken', 'third'];
    gov.set('broken', status(503));
    const env = {
      DATABASE_URL: join(dir, 'vigie.db'),
      VIGIE_SERVICES: writeJson(dir, 'services.json', {
        categories: TEST_CATEGORIES,
        defaults: { allowPrivateNetwork: true, interval: 1, timeout: 2 },
        services: ids.map((id) => ({ id, name: { fr: id, en: id }, category: 'tests', url: gov.url(id) })),
      }),
    };
    const store = await openStore(env.DATABASE_URL);
    try {
      let inFlightLost = 0;
      for (let kill = 0; kill < KILLS; kill += 1) {
        const probe = await startProbe(env);
        // Let it check for a moment (about one to three rounds), then kill it mid-work.
        await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
        probe.child.kill('SIGKILL');
        const exit = await probe.exited;
        expect(exit.signal).toBe('SIGKILL');
        // Measured with no probe running: only checks under way at this kill (at most one per
        // service) may be missing, and they were never acknowledged.
        const missing = totalHits(ids) - (await countResults(store, ids));
        expect(missing - inFlightLost).toBeGreaterThanOrEqual(0);
        expect(missing - inFlightLost).toBeLessThanOrEqual(ids.length);
        inFlightLost = missing;
      }
      const results = await countResults(store, ids);
      const hours = await store.listRollups({ granularity: 'hour', from: new Date(0), to: new Date('2100-01-01') });
      expect(hours.reduce((sum, h) => sum + h.checks, 0)).toBe(results);
      const incidents = (await store.listIncidents({ state: 'all', limit: 100 })).items;
      expect(incidents.map((i) => i.serviceId)).toEqual(['broken']);
      expect(incidents[0]?.resolvedAt).toBeNull();
      const tracking = (await store.listTrackings()).find((tr) => tr.serviceId === 'broken');
      expect(tracking?.openIncidentId).toBe(incidents[0]?.id);
      console.info(
        `[faults] probe kill -9 ×${KILLS}: ${results} results stored, ${inFlightLost} checks cut short in flight (never acknowledged), 1 incident`,
      );
    } finally {
      await store.close();
    }
  });
});

function totalHits(ids: string[]): number {
  return ids.reduce((sum, id) => sum + gov.hits(id), 0);
}

async function countResults(store: Awaited<ReturnType<typeof openStore>>, ids: string[]): Promise<number> {
  let total = 0;
  for (const id of ids) total += (await store.listResults(id, { limit: 1_000_000 })).length;
  return total;
}
