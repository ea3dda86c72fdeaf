import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParisDays, parisDayKey } from '../../src/domain/paris-time.ts';
import type { Impact, Locale, PublishedState, ServiceState } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { componentStatus } from '../../src/status/component-status.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { seedSite, type SeededSite } from '../support/seed-site.ts';

/**
 * One fixture, every surface: the overview row and banner, the service page and its bar for today,
 * the Statuspage API, the service feed and the badge must all say the same published state, in
 * both languages. This is the test that keeps staff-declared impact from showing on one surface
 * and not on another.
 */

interface Case {
  probe: ServiceState;
  declared?: Impact;
  maintenance?: boolean;
  closed?: boolean;
  published: PublishedState;
  byStaff: boolean;
}

const CASES: Case[] = [
  { probe: 'operational', declared: 'major', published: 'down', byStaff: true },
  { probe: 'down', declared: 'partial', published: 'down', byStaff: false },
  { probe: 'operational', declared: 'partial', published: 'partial', byStaff: true },
  { probe: 'degraded', published: 'degraded', byStaff: false },
  { probe: 'operational', maintenance: true, published: 'maintenance', byStaff: false },
  { probe: 'down', closed: true, published: 'closed', byStaff: false },
  { probe: 'operational', published: 'operational', byStaff: false },
];

const HOUR = 3_600_000;
let seeded: SeededSite;
let site: RunningSite;

beforeAll(async () => {
  const now = new Date();
  const today = parisDayKey(now);
  // Closed today and tomorrow, so the fixture holds across a Paris midnight during the run.
  const closedHours = {
    weekly: {
      mon: ['00:00-24:00'],
      tue: ['00:00-24:00'],
      wed: ['00:00-24:00'],
      thu: ['00:00-24:00'],
      fri: ['00:00-24:00'],
      sat: ['00:00-24:00'],
      sun: ['00:00-24:00'],
    },
    exceptions: { [today]: [], [addParisDays(today, 1)]: [] },
  };
  seeded = await seedSite({
    services: CASES.length,
    days: 2,
    now,
    stateOf: (i) => CASES[i]!.probe,
    serviceExtra: (i) => (CASES[i]!.closed ? { hours: closedHours } : {}),
  });
  for (const [i, c] of CASES.entries()) {
    const serviceId = seeded.serviceIds[i]!;
    if (c.declared) {
      await seeded.store.createIncident({
        title: { fr: `Incident ${serviceId}`, en: `Incident ${serviceId}` },
        status: 'identified',
        affected: [{ serviceId, impact: c.declared }],
        body: { fr: 'Nous enquêtons.', en: 'We are investigating.' },
        author: 'staff@example.fr',
        at: now,
      });
    }
    if (c.maintenance) {
      await seeded.store.createMaintenance({
        title: { fr: 'Intervention', en: 'Planned work' },
        body: { fr: 'Courte.', en: 'Short.' },
        serviceIds: [serviceId],
        startsAt: new Date(now.getTime() - HOUR),
        endsAt: new Date(now.getTime() + 48 * HOUR),
        author: 'staff@example.fr',
        at: now,
      });
    }
  }
  site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
});

afterAll(async () => {
  await site?.stop();
  await seeded?.cleanup();
});

async function text(path: string): Promise<string> {
  const response = await fetch(`${site.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The published state an HTML fragment shows: the class of its state label. */
function labelState(html: string): string | undefined {
  return /<span class="state is-([a-z]+)"/.exec(html)?.[1];
}

const unescape = (s: string) =>
  s
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe.each(['fr', 'en'] as Locale[])('every surface shows the published state (%s)', (locale) => {
  const d = t(locale);

  it('overview rows', async () => {
    const html = await text(`/${locale}/`);
    const rows = html.split('<li class="service">').slice(1);
    expect(rows).toHaveLength(CASES.length);
    for (const [i, c] of CASES.entries()) {
      const row = rows.find((r) => r.includes(`/${locale}/services/${seeded.serviceIds[i]}"`))!;
      expect(labelState(row), seeded.serviceIds[i]).toBe(c.published);
      expect(row.includes(d.published.declaredByStaff), seeded.serviceIds[i]).toBe(c.byStaff);
    }
  });

  it('the banner, counted from the same states', async () => {
    const html = await text(`/${locale}/`);
    const banner = /<section class="banner is-([a-z]+)"[\s\S]*?<\/section>/.exec(html)!;
    const count = (state: PublishedState) => CASES.filter((c) => c.published === state).length;
    expect(banner[1]).toBe('down');
    expect(banner[0]).toContain(d.banner.disrupted(count('down') + count('partial') + count('degraded')));
    expect(unescape(banner[0])).toContain(d.banner.partial(count('partial')));
    expect(unescape(banner[0])).toContain(d.banner.closed(count('closed')));
  });

  it('service pages and their bar for today', async () => {
    for (const [i, c] of CASES.entries()) {
      const html = await text(`/${locale}/services/${seeded.serviceIds[i]}`);
      const main = html.slice(html.indexOf('<h1'));
      expect(labelState(main), seeded.serviceIds[i]).toBe(c.published);
      expect(main.includes(d.published.declaredByStaff), seeded.serviceIds[i]).toBe(c.byStaff);
      const bars = [...main.matchAll(/<li class="bg-([a-z]+)"/g)].map((m) => m[1]);
      if (['degraded', 'partial', 'down'].includes(c.published)) expect(bars.at(-1), seeded.serviceIds[i]).toBe(c.published);
    }
  });

  it('the Statuspage API', async () => {
    const body = JSON.parse(await text(`/api/v2/components.json?lang=${locale}`)) as {
      components: { id: string; status: string; description: string | null }[];
    };
    for (const [i, c] of CASES.entries()) {
      const component = body.components.find((x) => x.id === seeded.serviceIds[i])!;
      expect(component.status, seeded.serviceIds[i]).toBe(componentStatus({ state: c.published, unknownReason: null }).status);
      expect((component.description ?? '').includes(d.published.declaredByStaff), seeded.serviceIds[i]).toBe(c.byStaff);
    }
  });

  it('the service feeds', async () => {
    for (const [i, c] of CASES.entries()) {
      const xml = unescape(await text(`/${locale}/services/${seeded.serviceIds[i]}/feed.xml`));
      const description = /<channel>[\s\S]*?<description>([\s\S]*?)<\/description>/.exec(xml)?.[1] ?? '';
      expect(description, seeded.serviceIds[i]).toContain(d.feeds.currentState(d.states[c.published]));
      expect(description.includes(d.published.declaredByStaff), seeded.serviceIds[i]).toBe(c.byStaff);
    }
  });

  it('the badges', async () => {
    for (const [i, c] of CASES.entries()) {
      const svg = unescape(await text(`/badge/${seeded.serviceIds[i]}.svg?lang=${locale}`));
      const title = /<title>([\s\S]*?)<\/title>/.exec(svg)?.[1] ?? '';
      expect(title, seeded.serviceIds[i]).toContain(d.states[c.published]);
      expect(title.includes(d.published.declaredByStaff), seeded.serviceIds[i]).toBe(c.byStaff);
    }
  });
});
