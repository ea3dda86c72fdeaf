import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/config/load-catalogue.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { publishExtension } from '../../src/incidents/publish-extension.ts';
import { messageItems } from '../../src/notify/message-items.ts';
import { renderDigest } from '../../src/notify/render-message.ts';
import { serviceNames } from '../../src/status/service-names.ts';
import { seedCrisis, type CrisisSite } from '../support/seed-crisis.ts';
import { catalogueWithFacts, startClocksAt, THURSDAY_10H } from '../support/seed-guidance.ts';
import { startSite, testBuildDir, type RunningSite } from '../support/site-server.ts';

/**
 * One extension, published by staff in one action while the tax office is down, and every surface
 * the published state reaches says the same new date in both languages: the overview row and the
 * banner, the service page, the feeds, the Statuspage API (as an update of the outage's incident),
 * the static copy, and the message subscribers get.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const catalogue = parseCatalogue(JSON.stringify(catalogueWithFacts()), 'services.json');
const OFFICIAL = 'https://www.impots.gouv.fr/report-declaration';

let seeded: CrisisSite;
let site: RunningSite;
let restoreClock: () => void;
let incident: Incident;
let copyDir: string;

beforeAll(async () => {
  restoreClock = startClocksAt(THURSDAY_10H);
  seeded = await seedCrisis(THURSDAY_10H, catalogueWithFacts());
  const result = await publishExtension({
    ctx: { store: seeded.store, catalogue, clock: () => THURSDAY_10H, actor: { email: 'agent@example.gouv.fr', ip: '198.51.100.7' } },
    input: { serviceId: 'impots', deadlineId: 'declaration-zone-1', date: '2026-12-08', time: '23:59', url: OFFICIAL },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  incident = result.value;
  site = await startSite(seeded.env);
  copyDir = await mkdtemp(join(tmpdir(), 'vigie-extension-copy-'));
  const snapshot = spawn(process.execPath, ['--import', `${root}test/support/shifted-clock.ts`, `${root}src/cli/snapshot.ts`, copyDir], {
    cwd: root,
    env: { ...process.env, ...seeded.env, VIGIE_BUILD_DIR: testBuildDir },
    stdio: 'ignore',
  });
  const [code] = await once(snapshot, 'exit');
  if (code !== 0) throw new Error(`npm run snapshot exited with ${String(code)}`);
}, 180_000);

afterAll(async () => {
  restoreClock?.();
  await site?.stop();
  await seeded?.store.close();
  await seeded?.cleanup();
  if (copyDir) await rm(copyDir, { recursive: true, force: true });
});

const flat = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
const get = async (path: string) => {
  const response = await fetch(`${site.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
};

const WORDS: Record<Locale, { line: string; news: string; api: string }> = {
  fr: {
    line: 'Date limite reportée au 8 décembre à 23 h 59 (déclaration de revenus, zone 1), au lieu du 5 décembre à 23 h 59',
    news: 'est reportée au 8 décembre 2026 à 23 h 59 (heure de Paris), au lieu du 5 décembre à 23 h 59',
    api: '/api/v2/incidents.json',
  },
  en: {
    line: 'Deadline extended to 8 December at 23:59 (income tax return, zone 1), instead of 5 December at 23:59',
    news: 'is extended to 8 December 2026 at 23:59 (Paris time), instead of 5 December at 23:59',
    api: '/api/v2/incidents.json?lang=en',
  },
};

/** The `<li>` of a service in the part of the page that starts at `from`. */
function itemOf(html: string, from: string, locale: Locale): string {
  const part = html.slice(html.indexOf(from));
  const at = part.indexOf(`href="/${locale}/services/impots"`);
  return part.slice(part.lastIndexOf('<li', at), part.indexOf('</li>', at));
}

describe.each(['fr', 'en'] as const)('one extension on every surface (%s)', (locale) => {
  const w = WORDS[locale];

  it('goes out as an update of the outage’s incident, not a second incident', () => {
    expect(incident.id).toBe(seeded.ids.impotsOutage);
    expect(incident.updates.at(-1)?.body[locale]).toContain(OFFICIAL);
  });

  it('the overview row and the banner', async () => {
    const html = await get(`/${locale}/`);
    expect(flat(itemOf(html, '<section class="banner', locale))).toContain(w.line);
    expect(flat(itemOf(html, 'id="services"', locale))).toContain(w.line);
  });

  it('the service page, with the official link', async () => {
    const html = await get(`/${locale}/services/impots`);
    expect(flat(html)).toContain(w.line);
    expect(html).toContain(`href="${OFFICIAL}"`);
  });

  it('the feeds, site-wide and the service’s', async () => {
    for (const path of [`/${locale}/feed.xml`, `/${locale}/feed.atom`, `/${locale}/services/impots/feed.xml`]) {
      expect(flat((await get(path)).replace(/&lt;/g, '<').replace(/&gt;/g, '>')), path).toContain(w.news);
    }
  });

  it('the Statuspage API, as an update of the incident', async () => {
    const body = JSON.parse(await get(w.api)) as { incidents: { id: string; incident_updates: { body: string }[] }[] };
    const found = body.incidents.find((i) => i.id === incident.id);
    expect(found?.incident_updates.map((u) => flat(u.body)).join('\n')).toContain(w.news);
  });

  it('the static copy', async () => {
    const overview = await readFile(join(copyDir, 'current', locale, 'index.html'), 'utf8');
    const page = await readFile(join(copyDir, 'current', locale, 'services', 'impots.html'), 'utf8');
    expect(flat(overview)).toContain(w.line);
    expect(flat(page)).toContain(w.line);
  });

  it('the message subscribers get', async () => {
    const events = await seeded.store.subscriptions.pendingEvents(100);
    const mine = events.filter((e) => e.payload.kind === 'incident_updated' && e.payload.incidentId === incident.id);
    expect(mine).toHaveLength(1);
    const digest = renderDigest(messageItems(mine, locale, serviceNames(catalogue)), locale, 'https://vigie.example.fr');
    expect(flat(digest.text)).toContain(w.news);
  });
});
