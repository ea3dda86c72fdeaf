import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { seedSite, type SeededSite } from '../support/seed-site.ts';

let seeded: SeededSite;
let site: RunningSite;
// htmlEntities: numeric character references (&#x26;) are decoded too, as every XML parser does.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true });

beforeAll(async () => {
  seeded = await seedSite({ services: 3, days: 1, now: new Date() });
  const incident = await seeded.store.createIncident({
    title: { fr: 'Panne de Service 1 <script>alert(1)</script> & co', en: 'Service 1 outage & co' },
    status: 'investigating',
    affected: [{ serviceId: 'service-1', impact: 'major' }],
    body: { fr: 'Le site ne répond pas.', en: 'The site does not respond.' },
    author: 'staff@example.fr',
    at: new Date(Date.now() - 60_000),
  });
  await seeded.store.addIncidentUpdate(incident.id, {
    status: 'resolved',
    body: { fr: 'Rétabli.', en: 'Restored.' },
    author: 'staff@example.fr',
    at: new Date(),
  });
  site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
});

afterAll(async () => {
  await site?.stop();
  await seeded?.cleanup();
});

async function feed(path: string, type: string): Promise<string> {
  const response = await fetch(`${site.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return xml;
}

describe('feeds served by the site', () => {
  it('serves RSS per language with every update as an item', async () => {
    const fr = parser.parse(await feed('/fr/feed.xml', 'application/rss+xml; charset=utf-8')).rss.channel;
    expect(fr.language).toBe('fr');
    expect(fr.item.map((i: { title: string }) => i.title)).toEqual([
      '[Résolu] Panne de Service 1 <script>alert(1)</script> & co',
      '[Analyse en cours] Panne de Service 1 <script>alert(1)</script> & co',
    ]);
    const en = parser.parse(await feed('/en/feed.xml', 'application/rss+xml; charset=utf-8')).rss.channel;
    expect(en.item[0].title).toBe('[Resolved] Service 1 outage & co');
    expect(en.item[0].link).toMatch(/^https:\/\/vigie\.example\.fr\/en\/incidents\//);
  });

  it('serves Atom per language and per service', async () => {
    const atom = parser.parse(await feed('/en/feed.atom', 'application/atom+xml; charset=utf-8')).feed;
    expect(atom['@xml:lang']).toBe('en');
    const perService = parser.parse(await feed('/fr/services/service-1/feed.atom', 'application/atom+xml; charset=utf-8')).feed;
    expect(perService.entry).toHaveLength(2);
    const other = parser.parse(await feed('/fr/services/service-2/feed.xml', 'application/rss+xml; charset=utf-8')).rss.channel;
    expect(other.item).toBeUndefined();
    expect((await fetch(`${site.url}/fr/services/nope/feed.xml`)).status).toBe(404);
  });
});
