import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { startProbe, stopGracefully, TEST_CATEGORIES, until, writeJson, type Running } from './support/processes.ts';

/**
 * The catalogue edited between two runs while two services are down: one removed, one renamed
 * (`formerIds`). The removed service's incident is closed, saying it is no longer monitored, its
 * history kept; the renamed one keeps its results and its open incident, which its recovery then
 * resolves: one incident for one outage.
 */
let gov: FakeGov;
let dir: string;
let store: Store;
let probe: (Running & { port: number }) | undefined;
let site: RunningSite | undefined;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-catalogue-'));
  store = await openStore(join(dir, 'vigie.db'));
});

afterAll(async () => {
  if (probe) await stopGracefully(probe);
  await site?.stop();
  await store?.close();
  await gov?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const entry = (id: string, url: string, extra: object = {}) => ({ id, name: { fr: id, en: id }, category: 'tests', url, ...extra });
const catalogue = (services: object[]) =>
  writeJson(dir, 'services.json', {
    categories: TEST_CATEGORIES,
    defaults: { allowPrivateNetwork: true, interval: 1, timeout: 2 },
    services,
  });

describe('catalogue edits between two runs', () => {
  it('closes the removed service’s incident as no longer monitored, and keeps the renamed one’s history and incident', async () => {
    gov.set('gone', status(503));
    gov.set('old-name', status(503));
    const env = { DATABASE_URL: join(dir, 'vigie.db') };
    probe = await startProbe({
      ...env,
      VIGIE_SERVICES: catalogue([
        entry('steady', gov.url('steady')),
        entry('gone', gov.url('gone')),
        entry('old-name', gov.url('old-name')),
      ]),
    });
    await until(async () => (await store.listIncidents({ state: 'open', limit: 5 })).total === 2, 60_000, probe.output);
    await stopGracefully(probe);
    const open = (await store.listIncidents({ state: 'open', limit: 5 })).items;
    const goneIncident = open.find((i) => i.serviceId === 'gone')!;
    const renamedIncident = open.find((i) => i.serviceId === 'old-name')!;
    const resultsBefore = (await store.listResults('old-name', { limit: 1000 })).length;

    const edited = catalogue([entry('steady', gov.url('steady')), entry('new-name', gov.url('old-name'), { formerIds: ['old-name'] })]);
    probe = await startProbe({ ...env, VIGIE_SERVICES: edited });
    site = await startSite({ ...env, VIGIE_SERVICES: edited });
    expect(probe.output()).toMatch(/history of old-name now under the services' new ids/);
    expect(probe.output()).toMatch(/1 automatic incidents closed/);

    const closed = await store.getIncident(goneIncident.id);
    expect(closed).toMatchObject({ status: 'resolved', serviceId: 'gone' });
    expect(closed!.updates.at(-1)?.reason).toBe('service_removed');
    expect(await store.listResults('gone', { limit: 5 })).not.toEqual([]);
    for (const locale of ['fr', 'en'] as const) {
      const page = await (await fetch(`${site.url}/${locale}/incidents/${goneIncident.id}`)).text();
      expect(page.replaceAll('&#39;', "'")).toContain(t(locale).catalogueEdits.updateReasons.service_removed);
    }

    expect(await store.listResults('old-name', { limit: 5 })).toEqual([]);
    expect((await store.listResults('new-name', { limit: 1000 })).length).toBeGreaterThanOrEqual(resultsBefore);
    const carried = await store.listIncidents({ state: 'open', limit: 5 });
    expect(carried.items.map((i) => [i.id, i.serviceId])).toEqual([[renamedIncident.id, 'new-name']]);

    gov.set('old-name', up());
    await until(async () => (await store.getIncident(renamedIncident.id))?.status === 'resolved', 60_000, probe.output);
    const all = await store.listIncidents({ state: 'all', serviceId: 'new-name', limit: 10 });
    expect(all.items.map((i) => i.id)).toEqual([renamedIncident.id]);
    console.info(
      `[faults] catalogue edits: removed service's incident closed as "no longer monitored" (history of ${(await store.listResults('gone', { limit: 1000 })).length} results kept); ` +
        `renamed service kept ${resultsBefore} results and its incident, resolved once it recovered: ${all.total} incident for one outage`,
    );
  });
});
