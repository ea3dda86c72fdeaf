import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/incident-records.ts';
import { flap, startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { eventually, startProcess, type RunningProcess } from '../notify/support/processes.ts';
import { freePort } from '../support/site-server.ts';
import { postForm, signIn, startAdminSite, type AdminSite } from './support/admin-site.ts';

/**
 * Wave mode end to end: the real probe process checks the fake government, the built site serves
 * the staff dashboard and the public pages. Flapping services never make a wave; 16 services in
 * 3 categories going down do: the dashboard proposes it, staff create the umbrella incident in one
 * action from the DDoS template, and one update reaches all 16 on every surface.
 */

const CATEGORIES = ['tax', 'social', 'justice'];
const WAVE = Array.from({ length: 16 }, (_, i) => ({ id: `s${String(i + 1).padStart(2, '0')}`, category: CATEGORIES[i % 3]! }));
const FLAPPING = Array.from({ length: 6 }, (_, i) => ({ id: `f${i + 1}`, category: CATEGORIES[i % 3]! }));
const INTERVAL_S = 2;
let gov: FakeGov;
let admin: AdminSite;
let probe: RunningProcess;
let cookie: string;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  for (const s of FLAPPING) gov.set(s.id, flap([status(503), up()]));
  const catalogue = {
    categories: CATEGORIES.map((id) => ({ id, name: { fr: `Catégorie ${id}`, en: `Category ${id}` } })),
    defaults: { allowPrivateNetwork: true, interval: INTERVAL_S, timeout: 5 },
    detection: { failuresBeforeDown: 2, successesBeforeUp: 2 },
    services: [...WAVE, ...FLAPPING].map((s) => ({ id: s.id, name: `Démarche ${s.id}`, category: s.category, url: gov.url(s.id) })),
  };
  admin = await startAdminSite({ VIGIE_WAVE_MIN_SERVICES: '5', VIGIE_WAVE_WINDOW_MINUTES: '15' }, catalogue);
  probe = startProcess('src/cli/probe.ts', { ...admin.env, PROBE_PORT: String(await freePort()) });
  cookie = await signIn(admin.site, admin.staff[0]!);
}, 120_000);

afterAll(async () => {
  await probe?.stop();
  await admin?.stop();
  await gov?.stop();
});

const dashboard = async () => (await fetch(`${admin.site.url}/admin`, { headers: { cookie } })).text();
const openAuto = async (): Promise<Incident[]> =>
  (await admin.store.listIncidents({ state: 'open', limit: 100 })).items.filter((i) => i.kind === 'auto');

let incidentId = '';

describe('wave mode (real probe, built site)', () => {
  it('flapping services, checked again and again, never make a wave', async () => {
    await eventually('ten checks of each flapping service', () => FLAPPING.every((s) => gov.hits(s.id) >= 10), 90_000);
    expect(await openAuto()).toEqual([]);
    expect(await dashboard()).not.toContain('data-wave=');
  });

  it('16 services in 3 categories down: the dashboard proposes the wave on its first render after the last confirmation', async () => {
    for (const s of WAVE) gov.set(s.id, status(503));
    const confirmed = await eventually(
      'the 16 outages confirmed',
      async () => {
        const open = (await openAuto()).filter((i) => WAVE.some((s) => s.id === i.serviceId));
        return open.length === WAVE.length ? open : null;
      },
      90_000,
    );
    const lastConfirmation = Math.max(...confirmed.map((i) => i.createdAt.getTime()));
    const html = await dashboard();
    const proposedAt = Date.now();
    const proposed = /data-wave="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(proposed.sort()).toEqual(WAVE.map((s) => s.id));
    console.log(
      `Wave of 16 proposed ${((proposedAt - lastConfirmation) / 1000).toFixed(1)} s after the last confirmation (check interval ${INTERVAL_S} s).`,
    );
  });

  it('staff create the umbrella incident in one action, from the DDoS template', async () => {
    const html = await dashboard();
    const start = /name="start" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const body = new URLSearchParams({ intent: 'wave', template: 'ddos', start });
    for (const s of WAVE) body.append('services', s.id);
    const created = await fetch(`${admin.site.url}/admin`, {
      method: 'POST',
      body,
      headers: { origin: admin.site.url, cookie },
      redirect: 'manual',
    });
    expect(created.status).toBe(303);
    incidentId = /\/admin\/incidents\/([^?/]+)/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    const incident = await admin.store.getIncident(incidentId);
    expect(incident?.kind).toBe('staff');
    expect(incident?.affected.map((a) => a.serviceId).sort()).toEqual(WAVE.map((s) => s.id));
    expect(incident?.title).toEqual({ fr: 'Attaque par déni de service en cours', en: 'Denial-of-service attack in progress' });
    expect(incident?.updates[0]?.body.fr).toContain('certains sites ne sont accessibles que depuis la France');
    expect(incident?.updates[0]?.body.fr).toContain('Démarche s01, Démarche s02');
    expect(await dashboard()).not.toContain('data-wave=');
    const audit = await admin.store.listAudit({ limit: 5 });
    expect(audit.items.find((e) => e.action === 'incident.created')?.after).toMatchObject({ wave: true, template: 'ddos' });
  });

  it('one update reaches all 16 on every surface, with the banner pinned on every page', async () => {
    const text = 'Mise à jour unique pour les seize démarches.';
    const fields: Record<string, string> = { intent: 'update', bodyFr: text, bodyEn: 'One update for all sixteen.', status: 'monitoring' };
    for (const s of WAVE) fields[`impact.${s.id}`] = 'major';
    const posted = await postForm(admin.site, `/admin/incidents/${incidentId}`, fields, { cookie });
    expect(posted.status).toBe(303);
    const get = async (path: string) => (await fetch(`${admin.site.url}${path}`)).text();
    for (const s of WAVE) {
      const page = await get(`/fr/services/${s.id}`);
      expect(page, s.id).toContain(text);
      expect(page, s.id).toContain(`data-pinned="${incidentId}"`);
    }
    for (const path of ['/fr', '/en', '/fr/incidents', '/fr/maintenance', `/fr/services/${FLAPPING[0]!.id}`]) {
      expect(await get(path), path).toContain(`data-pinned="${incidentId}"`);
    }
    const unresolved = JSON.parse(await get('/api/v2/incidents/unresolved.json')) as {
      incidents: { id: string; incident_updates: { body: string }[]; components: { id: string }[] }[];
    };
    const listed = unresolved.incidents.find((i) => i.id === incidentId);
    expect(listed?.components.map((c) => c.id).sort()).toEqual(WAVE.map((s) => s.id));
    expect(listed?.incident_updates[0]?.body).toContain(text);
    expect(await get('/fr/feed.xml')).toContain(text);
  });
});

describe('incident templates in the admin', () => {
  it('are edited in both languages and audited, and fill the incident and update forms when picked', async () => {
    const page = await (await fetch(`${admin.site.url}/admin/templates`, { headers: { cookie } })).text();
    for (const id of ['ddos', 'maintenance-prolongee', 'delai-prolonge']) expect(page).toContain(`data-template="${id}"`);
    const edited = await postForm(
      admin.site,
      '/admin/templates',
      {
        id: 'delai-prolonge',
        nameFr: 'Délai prolongé',
        nameEn: 'Deadline extended',
        titleFr: 'Délai de déclaration prolongé jusqu’au {until}',
        titleEn: 'Filing deadline extended until {until}',
        bodyFr: 'Le délai est prolongé jusqu’au {until} pour {services}.',
        bodyEn: 'The deadline is extended until {until} for {services}.',
      },
      { cookie },
    );
    expect(edited.status).toBe(303);
    const refused = await postForm(admin.site, '/admin/templates', { id: 'delai-prolonge', nameFr: '', nameEn: 'x' }, { cookie });
    expect(refused.status).toBe(422);
    const audit = (await admin.store.listAudit({ limit: 10 })).items.filter((e) => e.action === 'template.edited');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: 'delai-prolonge',
      after: { title: { fr: 'Délai de déclaration prolongé jusqu’au {until}' } },
    });
    const form = await (await fetch(`${admin.site.url}/admin/incidents/new?template=delai-prolonge`, { headers: { cookie } })).text();
    expect(form).toContain('value="Délai de déclaration prolongé jusqu’au {until}"');
    const update = await (
      await fetch(`${admin.site.url}/admin/incidents/${incidentId}?template=delai-prolonge`, { headers: { cookie } })
    ).text();
    expect(update).toContain('Le délai est prolongé jusqu’au {until} pour Démarche s01, Démarche s02');
  });
});
