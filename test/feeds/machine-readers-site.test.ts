import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDays } from '../../src/opendata/publish-days.ts';
import { seedStory, type SeededStory } from '../support/seed-site.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';

/** Calendars, the plain-text state, llms.txt and /data/ on the built site, for the seeded story. */
describe('machine readers on the built site', () => {
  let seeded: SeededStory;
  let site: RunningSite;
  const now = new Date();

  beforeAll(async () => {
    seeded = await seedStory(now);
    await publishDays({
      store: seeded.store,
      dir: join(seeded.dir, 'open-data'),
      now: new Date(now.getTime() + 3 * 86_400_000),
      retentionDays: 30,
      site: { url: 'x', title: 'Vigie' },
    });
    site = await startSite(seeded.env);
  });
  afterAll(async () => {
    await site?.stop();
    await seeded?.cleanup();
  });

  const get = async (path: string) => {
    const response = await fetch(`${site.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

  it('publishes planned and cancelled maintenance as iCalendar, per language and per service', async () => {
    const fr = await get('/fr/maintenance.ics');
    expect(fr.type).toBe('text/calendar; charset=utf-8');
    const all = events(fr.body.toString());
    const byTitle = new Map(all.map((e) => [e.summary, e]));
    expect(byTitle.get('Maintenance\u00a0: Mise à jour de impots.gouv.fr')!.startDate.toJSDate().getTime()).toBeGreaterThan(now.getTime());
    expect(byTitle.get('Maintenance\u00a0: Intervention annulée sur la CAF')!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byTitle.get('Maintenance\u00a0: Migration des serveurs de la CAF')!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const en = events((await get('/en/maintenance.ics')).body.toString());
    expect(en.map((e) => e.summary)).toContain('Maintenance: impots.gouv.fr upgrade');
    const caf = events((await get('/fr/services/caf/maintenance.ics')).body.toString());
    expect(caf).toHaveLength(2);
    expect((await get('/fr/services/nope/maintenance.ics')).status).toBe(404);
  });

  it('says the current state in plain text, and maps the site in llms.txt', async () => {
    const fr = (await get('/fr/etat.txt')).body.toString();
    expect(fr).toMatch(/- ameli\.fr: Panne majeure/);
    expect(fr).toContain('/fr/incidents/');
    const en = (await get('/en/status.txt')).body.toString();
    expect(en).toMatch(/services? (is|are) working normally/);
    const llms = await get('/llms.txt');
    expect(llms.type).toBe('text/plain; charset=utf-8');
    expect(llms.body.toString()).toMatch(/^# Vigie\n\n> /);
    for (const path of [
      '/en/status.txt',
      '/data/datapackage.json',
      '/data/chain.json',
      '/.well-known/vigie-signing-key.pem',
      '/en/reports',
    ]) {
      expect(llms.body.toString()).toContain(`${site.url}${path}`);
    }
  });

  it('serves the open data as written, and nothing else from its folder', async () => {
    const chain = JSON.parse((await get('/data/chain.json')).body.toString()) as { entries: { path: string }[] };
    expect(chain.entries.length).toBeGreaterThan(0);
    const day = await get(`/data/${chain.entries.at(-1)!.path}`);
    expect(day.status).toBe(200);
    expect(day.type).toBe('application/gzip');
    expect(gunzipSync(day.body).toString()).toMatch(/^service,location,time,outcome,status_code,latency_ms,probe_offline\n/);
    expect((await get('/data/datapackage.json')).type).toMatch(/^application\/json/);
    for (const path of [
      '/data/../vigie.db',
      '/data/%2e%2e/vigie.db',
      '/data/checks/../../vigie.db',
      '/data/vigie.db',
      '/data/checks/2020-01-01.csv.gz',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
