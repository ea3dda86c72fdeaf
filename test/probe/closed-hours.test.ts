import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParisDays, parisDayKey } from '../../src/domain/paris-time.ts';
import { WEEKDAYS } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startFakeGov, status, type FakeGov } from '../fake-gov/index.ts';
import { freePort, startSite, type RunningSite } from '../support/site-server.ts';

/**
 * Service hours end to end: the real probe process checks two failing services of the fake
 * government, one of them closed as planned. Only the open one gets an outage; the closed one's
 * time is stored as planned, not as downtime; the built site says it is closed and when it opens.
 */

const entry = fileURLToPath(new URL('../../src/cli/probe.ts', import.meta.url));
let gov: FakeGov;
let dir: string;
let site: RunningSite | undefined;
let env: { DATABASE_URL: string; VIGIE_SERVICES: string };

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  gov.set('nightly', status(503));
  gov.set('always', status(503));
  dir = mkdtempSync(join(tmpdir(), 'vigie-closed-hours-'));
  const today = parisDayKey(new Date());
  // Open every day, except today and tomorrow: closed for the whole run, whenever it runs.
  const hours = {
    weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, ['00:00-24:00']])),
    exceptions: { [today]: [], [addParisDays(today, 1)]: [] },
  };
  const service = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: { fr: `Service ${id}`, en: `Service ${id}` },
    category: 'tests',
    url: gov.url(id),
    ...extra,
  });
  const servicesPath = join(dir, 'services.json');
  writeFileSync(
    servicesPath,
    JSON.stringify({
      categories: [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }],
      defaults: { allowPrivateNetwork: true, interval: 1, timeout: 5 },
      detection: { failuresBeforeDown: 2, successesBeforeUp: 2 },
      services: [service('nightly', { hours }), service('always')],
    }),
  );
  env = { DATABASE_URL: join(dir, 'vigie.db'), VIGIE_SERVICES: servicesPath };
  await runProbeUntilOutage();
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await gov?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the probe until the open service's outage is confirmed and the closed one was checked as often. */
async function runProbeUntilOutage(): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env, PROBE_PORT: String(port) }, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (let i = 0; i < 600; i += 1) {
      const states = await fetch(`http://127.0.0.1:${port}/api/v1/services`)
        .then((r) => r.json() as Promise<{ id: string; state: string }[]>)
        .catch(() => []);
      if (states.find((s) => s.id === 'always')?.state === 'down' && gov.hits('nightly') >= 3) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the probe never confirmed the outage of the open service');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('a service closed as planned', () => {
  it('opens no outage and keeps its closed time out of uptime', async () => {
    const store = await openStore(env.DATABASE_URL);
    try {
      const open = await store.listIncidents({ state: 'open', limit: 10 });
      expect(open.items.map((i) => i.serviceId)).toEqual(['always']);
      const days = await store.listRollups({ granularity: 'day', from: new Date(Date.now() - 2 * 86_400_000), to: new Date() });
      const nightly = days.filter((r) => r.serviceId === 'nightly');
      expect(nightly.reduce((sum, r) => sum + r.seconds.down + r.seconds.degraded + r.seconds.operational, 0)).toBe(0);
      expect(nightly.reduce((sum, r) => sum + r.seconds.maintenance, 0)).toBeGreaterThan(0);
      expect(days.filter((r) => r.serviceId === 'always').reduce((sum, r) => sum + r.seconds.down + r.seconds.degraded, 0)).toBeGreaterThan(
        0,
      );
    } finally {
      await store.close();
    }
  });

  it('shows closed with the next opening on the site and in the API', async () => {
    site = await startSite(env);
    const fr = t('fr');
    const page = await (await fetch(`${site.url}/fr/services/nightly`)).text();
    expect(page).toContain('<span class="state is-closed">');
    expect(page).toContain(fr.states.closed);
    expect(page).toContain('réouverture le');
    const overview = await (await fetch(`${site.url}/en/`)).text();
    const row = overview.split('<li class="service">').find((r) => r.includes('/en/services/nightly"')) ?? '';
    expect(row).toContain('<span class="state is-closed">');
    expect(row).toMatch(/Closed as planned, opens again on .+ \(Paris time\)\./);
    // The open service is down, or unknown once the stopped probe's data is stale: never closed.
    const api = (await (await fetch(`${site.url}/api/v2/components.json`)).json()) as { components: { id: string; status: string }[] };
    expect(api.components.find((c) => c.id === 'nightly')?.status).toBe('under_maintenance');
    expect(['major_outage', 'degraded_performance']).toContain(api.components.find((c) => c.id === 'always')?.status);
  });
});
