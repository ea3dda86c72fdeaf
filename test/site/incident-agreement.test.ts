import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentImpact } from '../../src/api/incidents.ts';
import type { NotificationEvent } from '../../src/domain/notification-events.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { messageItems } from '../../src/notify/message-items.ts';
import { renderDigest } from '../../src/notify/render-message.ts';
import { webhookBody } from '../../src/notify/webhook-payload.ts';
import { loopbackOrigin } from '../../src/snapshot/origin.ts';
import { publishSnapshot } from '../../src/snapshot/publish.ts';
import { pageFile } from '../../src/snapshot/site-paths.ts';
import { incidentView, type IncidentView } from '../../src/status/incident-view.ts';
import { serviceNames } from '../../src/status/service-names.ts';
import { checkResult, downTracking, outageSeen, serviceTracking } from '../support/records.ts';
import { createSiteData, type SiteData } from '../support/seed-site.ts';
import { startSite, testBuildDir, type RunningSite } from '../support/site-server.ts';

/**
 * One incident, every surface, both languages: staff take over an automatic impots.gouv.fr outage
 * and name FranceConnect instead, with a partial impact and a title only in French. The incident
 * page, the cards (overview, incident list, both service pages), the banner's lines, the feeds
 * (RSS, Atom, per service), the Statuspage API, the plain-text state, the emails and webhooks
 * rendered from the outbox, and the static copy must all say what the incident view says.
 */

const CATALOGUE = {
  categories: [{ id: 'portals', name: { fr: 'Portails', en: 'Portals' } }],
  services: [
    { id: 'impots', name: { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }, category: 'portals', url: 'https://www.impots.gouv.fr/' },
    { id: 'franceconnect', name: { fr: 'FranceConnect', en: 'FranceConnect' }, category: 'portals', url: 'https://franceconnect.gouv.fr/' },
    {
      id: 'caf',
      name: { fr: 'Caisse d’allocations familiales', en: 'Family benefits (CAF)' },
      category: 'portals',
      url: 'https://www.caf.fr/',
    },
  ],
};
const TITLE_FR = 'Connexion avec FranceConnect perturbée';
const MIN = 60_000;

let data: SiteData;
let site: RunningSite;
let incidentId: string;
let events: NotificationEvent[];
let copyDir: string;
const views = {} as Record<Locale, IncidentView>;

beforeAll(async () => {
  const now = new Date();
  const at = (minutes: number) => new Date(now.getTime() + minutes * MIN);
  data = await createSiteData(CATALOGUE, 'paris');
  const { store } = data;
  await store.recordHeartbeat({ location: 'paris', process: 'p1', at: at(-0.2), canariesHealthy: true, version: 'test' });
  for (const id of ['franceconnect', 'caf']) {
    await store.recordCheck({
      result: checkResult({ serviceId: id, startedAt: at(-0.5) }),
      tracking: serviceTracking({ serviceId: id, state: 'operational', since: at(-600), lastCheckedAt: at(-0.5) }),
      rollups: [],
      event: null,
    });
  }
  const opened = await store.recordCheck({
    result: checkResult({ serviceId: 'impots', startedAt: at(-10), outcome: 'http_5xx', httpStatus: 503 }),
    tracking: downTracking('impots', at(-20), at(-0.5)),
    rollups: [],
    event: {
      type: 'outage_opened',
      serviceId: 'impots',
      startedAt: at(-20),
      observed: outageSeen('impots.gouv.fr'),
    },
  });
  incidentId = opened.incidentId!;
  await store.addIncidentUpdate(incidentId, {
    status: 'identified',
    title: { fr: TITLE_FR, en: null },
    body: { fr: 'La connexion par FranceConnect échoue par moments.', en: 'Signing in with FranceConnect fails at times.' },
    affected: [{ serviceId: 'franceconnect', impact: 'partial' }],
    takeOver: true,
    author: 'agent@example.gouv.fr',
    at: at(-5),
  });
  events = await store.subscriptions.pendingEvents(100);
  const record = (await store.getIncident(incidentId))!;
  for (const locale of ['fr', 'en'] as const) views[locale] = incidentView(record, { locale, names: serviceNames(CATALOGUE), now });
  site = await startSite({ ...data.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
  copyDir = join(data.dir, 'copy');
  await publishSnapshot({
    dir: copyDir,
    fetchPath: loopbackOrigin(site.url),
    clientDir: `${testBuildDir}/client`,
    serviceIds: CATALOGUE.services.map((s) => s.id),
    publicUrl: 'https://vigie.example.fr',
  });
});

afterAll(async () => {
  await site?.stop();
  await data?.cleanup();
});

async function text(path: string): Promise<string> {
  const response = await fetch(`${site.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

const unescape = (s: string) =>
  s
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const plain = (html: string) => unescape(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ');

/** Which catalogue services a piece of text lists, each with the impact word next to it (`null`: named without one). */
function servicesIn(shown: string, locale: Locale, withImpact: boolean): Record<string, string | null> {
  const d = t(locale);
  const found: Record<string, string | null> = {};
  for (const s of CATALOGUE.services) {
    const name = s.name[locale];
    if (!shown.includes(name)) continue;
    const impact = (['major', 'partial', 'degraded'] as const).find((i) => shown.includes(`${name} — ${d.impacts[i]}`));
    found[s.id] = withImpact ? (impact ?? 'none') : null;
  }
  return found;
}

function expectedServices(locale: Locale, withImpact: boolean): Record<string, string | null> {
  return Object.fromEntries(views[locale].affected.map((a) => [a.serviceId, withImpact ? a.impact : null]));
}

/** A card or page: title, state class, status word and the services with their impact must be the view's. */
function expectAgrees(html: string, locale: Locale, where: string): void {
  const view = views[locale];
  const d = t(locale);
  expect(/<span class="state is-([a-z]+)"/.exec(html)?.[1], `${where}: state`).toBe(view.state);
  expect(plain(html), `${where}: title`).toContain(view.title.text);
  expect(plain(html), `${where}: status`).toContain(d.incidentStatuses[view.status]);
  expect(servicesIn(plain(html), locale, true), `${where}: services`).toEqual(expectedServices(locale, true));
}

function cardOf(html: string): string {
  const card = html
    .split('<article class="card">')
    .slice(1)
    .find((c) => c.includes(`/incidents/${incidentId}"`));
  expect(card, 'a card for the incident').toBeDefined();
  return card!.slice(0, card!.indexOf('</article>'));
}

function incidentPageMain(html: string): string {
  const main = html.slice(html.indexOf('<h1'), html.indexOf('id="timeline"'));
  return main;
}

describe('the incident view of the fixture', () => {
  it('is the outage and the service staff named, each with its own impact, and the French title', () => {
    for (const locale of ['fr', 'en'] as const) {
      const view = views[locale];
      expect(view.affected.map((a) => [a.serviceId, a.impact, a.state])).toEqual([
        ['impots', 'major', 'down'],
        ['franceconnect', 'partial', 'partial'],
      ]);
      expect(view.title).toEqual({ text: TITLE_FR, pending: locale === 'en' });
      expect(view.status).toBe('identified');
    }
  });
});

describe.each(['fr', 'en'] as Locale[])('every surface renders the incident view (%s)', (locale) => {
  const d = () => t(locale);

  it('the incident page', async () => {
    const html = await text(`/${locale}/incidents/${incidentId}`);
    expectAgrees(incidentPageMain(html), locale, 'incident page');
    expect(/<h1>\s*<span lang="([a-z]+)"/.exec(html)?.[1] ?? locale, 'title language').toBe(views[locale].title.pending ? 'fr' : locale);
    // The probe's opening words, rendered from what it saw, stay in the timeline under its own status.
    const timeline = plain(html.slice(html.indexOf('id="timeline"')));
    expect(timeline).toContain(t(locale).outage.seen.error_page('impots.gouv.fr').replace(/\s+/g, ' '));
    expect(timeline).toContain(`${t(locale).incidentStatuses.detected} —`);
    expect(views[locale].updates.map((u) => u.status)).toEqual(['detected', 'identified']);
  });

  it('the cards: overview, incident list, and both services’ pages', async () => {
    for (const path of [`/${locale}/`, `/${locale}/incidents`, `/${locale}/services/impots`, `/${locale}/services/franceconnect`]) {
      expectAgrees(cardOf(await text(path)), locale, path);
    }
    expect(await text(`/${locale}/services/caf`)).not.toContain(`/incidents/${incidentId}"`);
  });

  it('the banner’s lines link each affected service to the incident', async () => {
    const html = await text(`/${locale}/`);
    const lines = html.split('<li class="line">').slice(1);
    for (const a of views[locale].affected) {
      const line = lines.find((l) => l.includes(`/services/${a.serviceId}"`));
      expect(line, a.serviceId).toBeDefined();
      expect(line, a.serviceId).toContain(`/incidents/${incidentId}"`);
      expect(plain(line!)).toContain(views[locale].title.text);
    }
  });

  it('the feeds: RSS, Atom and each service’s', async () => {
    const paths = [
      `/${locale}/feed.xml`,
      `/${locale}/feed.atom`,
      ...views[locale].affected.map((a) => `/${locale}/services/${a.serviceId}/feed.xml`),
    ];
    for (const path of paths) {
      const xml = unescape(await text(path));
      const items = xml.split(/<item>|<entry>/).filter((i) => i.includes(`/incidents/${incidentId}`));
      expect(items.length, path).toBe(2);
      for (const item of items) {
        expect(item, path).toContain(views[locale].title.text);
        expect(servicesIn(plain(item.slice(item.indexOf(d().feeds.affectedServices))), locale, false), path).toEqual(
          expectedServices(locale, false),
        );
      }
      expect(
        items.some((i) => i.includes(`[${d().incidentStatuses[views[locale].status]}]`)),
        path,
      ).toBe(true);
    }
  });

  it('the Statuspage API: incidents, unresolved, summary', async () => {
    for (const document of ['incidents.json', 'incidents/unresolved.json', 'summary.json']) {
      const body = JSON.parse(await text(`/api/v2/${document}?lang=${locale}`)) as {
        incidents: { id: string; name: string; status: string; impact: string; components: { id: string }[] }[];
      };
      const incident = body.incidents.find((i) => i.id === incidentId)!;
      expect(incident.name, document).toBe(views[locale].title.text);
      expect(incident.status, document).toBe(views[locale].status);
      expect(incident.impact, document).toBe(incidentImpact(views[locale].affected, CATALOGUE.services.length));
      expect(
        incident.components.map((c) => c.id),
        document,
      ).toEqual(views[locale].affected.map((a) => a.serviceId));
    }
  });

  it('the plain-text state', async () => {
    const body = await text(locale === 'fr' ? '/fr/etat.txt' : '/en/status.txt');
    expect(body).toContain(`- ${views[locale].title.text} (${d().incidentStatuses[views[locale].status]})`);
  });

  it('the emails and webhooks of the take-over, from the outbox', () => {
    const takeOver = events.find((e) => e.payload.kind === 'incident_updated')!;
    expect(takeOver, 'the take-over is told').toBeDefined();
    const digest = renderDigest(messageItems([takeOver], locale, serviceNames(CATALOGUE)), locale, 'https://vigie.example.fr');
    expect(digest.subject).toContain(views[locale].title.text);
    const servicesLine = digest.text.split('\n').find((l) => l.startsWith(t(locale).notify.mail.services('').slice(0, 8)))!;
    expect(servicesIn(servicesLine, locale, false)).toEqual(expectedServices(locale, false));
    const french = t(locale).notify.mail.translationToFollow;
    expect(digest.text.includes(french.title)).toBe(views[locale].title.pending);
    expect(digest.text.includes(french.both)).toBe(false);
    const webhook = JSON.parse(webhookBody(takeOver)) as { data: { serviceIds: string[] } };
    expect(webhook.data.serviceIds).toEqual(views[locale].affected.map((a) => a.serviceId));
  });

  it('the static copy', async () => {
    const read = (path: string) => readFile(join(copyDir, 'current', pageFile(path)), 'utf8');
    expectAgrees(incidentPageMain(await read(`/${locale}/incidents/${incidentId}`)), locale, 'copied incident page');
    for (const path of [`/${locale}/`, `/${locale}/services/franceconnect`])
      expectAgrees(cardOf(await read(path)), locale, `copied ${path}`);
    const api = JSON.parse(await read(locale === 'fr' ? '/api/v2/incidents.json' : '/api/v2/incidents.en.json')) as {
      incidents: { id: string; components: { id: string }[] }[];
    };
    expect(api.incidents.find((i) => i.id === incidentId)!.components.map((c) => c.id)).toEqual(
      views[locale].affected.map((a) => a.serviceId),
    );
  });
});
