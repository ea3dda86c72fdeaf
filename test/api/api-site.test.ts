import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { seedSite, type SeededSite } from '../support/seed-site.ts';

let seeded: SeededSite;
let site: RunningSite;
const HOUR = 3_600_000;

beforeAll(async () => {
  const now = new Date();
  seeded = await seedSite({ services: 4, days: 2, now, stateOf: (i) => (i === 1 ? 'down' : 'operational') });
  await seeded.store.createIncident({
    title: { fr: 'Connexion impossible', en: null },
    status: 'identified',
    affected: [{ serviceId: 'service-3', impact: 'partial' }],
    body: { fr: 'Cause identifiée.', en: null },
    author: 'staff@example.fr',
    at: now,
  });
  await seeded.store.createMaintenance({
    title: { fr: 'Mise à jour', en: 'Upgrade' },
    body: { fr: 'Interruption courte.', en: 'Short interruption.' },
    serviceIds: ['service-4'],
    startsAt: new Date(now.getTime() + 24 * HOUR),
    endsAt: new Date(now.getTime() + 25 * HOUR),
    author: 'staff@example.fr',
    at: now,
  });
  site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
});

afterAll(async () => {
  await site?.stop();
  await seeded?.cleanup();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what the API sent, checked field by field below
type ApiDocument = Record<string, any>;

async function json(path: string): Promise<{ response: Response; body: ApiDocument }> {
  const response = await fetch(`${site.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  return { response, body: (await response.json()) as ApiDocument };
}

describe('Statuspage v2 endpoints', () => {
  it.each([
    ['/api/v2/summary.json', ['page', 'status', 'components', 'incidents', 'scheduled_maintenances']],
    ['/api/v2/status.json', ['page', 'status']],
    ['/api/v2/components.json', ['page', 'components']],
    ['/api/v2/incidents.json', ['page', 'incidents']],
    ['/api/v2/incidents/unresolved.json', ['page', 'incidents']],
    ['/api/v2/scheduled-maintenances.json', ['page', 'scheduled_maintenances']],
    ['/api/v2/scheduled-maintenances/upcoming.json', ['page', 'scheduled_maintenances']],
    ['/api/v2/scheduled-maintenances/active.json', ['page', 'scheduled_maintenances']],
  ])('%s has the Statuspage top-level fields', async (path, keys) => {
    const { body } = await json(path);
    expect(Object.keys(body)).toEqual(keys);
    expect(body.page).toMatchObject({ id: 'vigie', url: 'https://vigie.example.fr/fr/', time_zone: 'Europe/Paris' });
  });

  it('reports what the store holds, in French by default and English on request', async () => {
    const fr = (await json('/api/v2/summary.json')).body;
    expect(fr.status.indicator).toBe('major');
    const components = Object.fromEntries(fr.components.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(components).toMatchObject({ 'service-1': 'operational', 'service-2': 'major_outage', 'service-3': 'partial_outage' });
    expect(fr.incidents[0]).toMatchObject({ name: 'Connexion impossible', status: 'identified', impact: 'minor' });
    expect(fr.scheduled_maintenances[0]).toMatchObject({ name: 'Mise à jour', status: 'scheduled', impact: 'none' });
    const en = (await json('/api/v2/summary.json?lang=en')).body;
    expect(en.page.url).toBe('https://vigie.example.fr/en/');
    expect(en.status.description).toBe('2 services down or degraded');
    expect(en.scheduled_maintenances[0].name).toBe('Upgrade');
    expect(en.incidents[0].shortlink).toMatch(/^https:\/\/vigie\.example\.fr\/en\/incidents\//);
  });

  it('answers CORS preflight for reading only', async () => {
    const response = await fetch(`${site.url}/api/v2/summary.json`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('unknown API documents', () => {
  it.each(['/api/v2/nope.json', '/api/v2/incidents/nope.json', '/api/v2/nope'])('answers %s with a JSON 404', async (path) => {
    const response = await fetch(`${site.url}${path}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await response.json()) as { error: { status: number } }).error.status).toBe(404);
  });
});

describe('status badge', () => {
  it('shows the service state as a word in an SVG, in either language', async () => {
    const fr = await fetch(`${site.url}/badge/service-2.svg`);
    expect(fr.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(fr.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await fr.text()).toContain('>Panne majeure</text>');
    expect(await (await fetch(`${site.url}/badge/service-2.svg?lang=en`)).text()).toContain('>Major outage</text>');
    expect((await fetch(`${site.url}/badge/nope.svg`)).status).toBe(404);
  });

  it('marks a name kept in French as French in the English badge, and only there', async () => {
    // The seeded names are the same in both languages, as official French names are.
    expect(await (await fetch(`${site.url}/badge/service-2.svg?lang=en`)).text()).toMatch(
      /<text x="\d+" y="14" lang="fr">Service 2<\/text>/,
    );
    expect(await (await fetch(`${site.url}/badge/service-2.svg`)).text()).toMatch(/<text x="\d+" y="14">Service 2<\/text>/);
  });
});
