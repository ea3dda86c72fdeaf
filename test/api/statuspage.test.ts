import { describe, expect, it } from 'vitest';
import { badgeSvg } from '../../src/api/badge.ts';
import { statuspageDocuments } from '../../src/api/documents.ts';
import { incidentImpact } from '../../src/api/incidents.ts';
import { t } from '../../src/i18n/index.ts';
import { buildSnapshot } from '../../src/status/snapshot.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { affectedOf } from '../../src/domain/incident-scope.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { NOW, catalogue, heartbeat, incident, maintenance, service, tracking, update } from '../status/fixtures.ts';

const HOUR = 3_600_000;
const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;
const PAGE_KEYS = ['id', 'name', 'url', 'time_zone', 'updated_at'];
const COMPONENT_KEYS = [
  'id',
  'name',
  'status',
  'created_at',
  'updated_at',
  'position',
  'description',
  'showcase',
  'start_date',
  'group_id',
  'page_id',
  'group',
  'only_show_if_degraded',
];
const INCIDENT_KEYS = [
  'id',
  'name',
  'status',
  'impact',
  'created_at',
  'updated_at',
  'monitoring_at',
  'resolved_at',
  'shortlink',
  'started_at',
  'page_id',
  'incident_updates',
  'components',
];
const UPDATE_KEYS = ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at', 'affected_components'];

const openIncident = incident('i1', {
  title: { fr: 'Connexion impossible', en: null },
  status: 'monitoring',
  affected: [{ serviceId: 'impots', impact: 'partial' }],
  updates: [
    update('u1', 'i1', 'investigating', new Date(NOW.getTime() - 2 * HOUR), { fr: 'Nous enquêtons.', en: 'Investigating.' }),
    update('u2', 'i1', 'monitoring', new Date(NOW.getTime() - HOUR), { fr: 'Correctif appliqué.', en: null }),
  ],
});

function docs(locale: Locale, overrides: { heartbeats?: ReturnType<typeof heartbeat>[] } = {}) {
  const snapshot = buildSnapshot({
    catalogue: catalogue([service('impots'), service('ameli', 'social'), service('caf', 'social')]),
    trackings: [tracking('impots', 'operational', 20), tracking('ameli', 'down', 20)],
    heartbeats: overrides.heartbeats ?? [heartbeat(10)],
    openIncidents: [openIncident],
    maintenances: [
      maintenance('active', ['caf'], new Date(NOW.getTime() - HOUR), new Date(NOW.getTime() + HOUR)),
      maintenance('later', ['impots'], new Date(NOW.getTime() + 5 * HOUR), new Date(NOW.getTime() + 6 * HOUR)),
    ],
    dataVersion: 3,
    now: NOW,
  });
  return statuspageDocuments({ locale, words: t(locale), publicUrl: 'https://vigie.example.fr', snapshot });
}

describe('Statuspage v2 documents', () => {
  it('summary has the page, status, components, unresolved incidents and scheduled maintenances', () => {
    const summary = docs('fr').summary();
    expect(Object.keys(summary)).toEqual(['page', 'status', 'components', 'incidents', 'scheduled_maintenances']);
    expect(Object.keys(summary.page)).toEqual(PAGE_KEYS);
    expect(summary.page).toMatchObject({ id: 'vigie', url: 'https://vigie.example.fr/fr/', time_zone: 'Europe/Paris' });
    expect(summary.page.updated_at).toMatch(ISO_OFFSET);
    // One service down out of three: a third of the catalogue, so critical.
    // The banner's own title: the page and the API say the same.
    expect(summary.status).toEqual({ indicator: 'critical', description: '2\u00a0services en panne ou ralentis' });
    expect(summary.incidents.map((i) => i.id)).toEqual(['i1']);
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([
      ['active', 'in_progress'],
      ['later', 'scheduled'],
    ]);
  });

  it('dates the page and each group by their last change, not by when the document was made', () => {
    const { page, components } = docs('fr').summary();
    const changes = [...components.filter((c) => !c.group).map((c) => Date.parse(c.updated_at)), openIncident.updatedAt.getTime()];
    expect(Date.parse(page.updated_at)).toBe(Math.max(...changes));
    expect(Date.parse(page.updated_at)).toBeLessThan(NOW.getTime());
    const social = components.find((c) => c.id === 'group-social')!;
    const members = components.filter((c) => c.group_id === 'group-social').map((c) => Date.parse(c.updated_at));
    expect(Date.parse(social.updated_at)).toBe(Math.max(...members));
    expect(Date.parse(social.created_at)).toBe(Math.min(...members));
  });

  it('lists components with Statuspage fields and values, grouped by category', () => {
    const components = docs('en').components().components;
    for (const c of components) {
      expect(Object.keys(c).slice(0, COMPONENT_KEYS.length)).toEqual(COMPONENT_KEYS);
      expect(c.created_at).toMatch(ISO_OFFSET);
    }
    const byId = Object.fromEntries(components.map((c) => [c.id, c]));
    expect(byId.impots).toMatchObject({ status: 'partial_outage', group: false, group_id: 'group-tax', page_id: 'vigie' });
    expect(byId.ameli!.status).toBe('major_outage');
    expect(byId.caf!.status).toBe('under_maintenance');
    expect(byId['group-social']).toMatchObject({ group: true, status: 'major_outage', components: ['ameli', 'caf'] });
    expect(components.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('describes unknown components instead of calling them operational', () => {
    const components = docs('en', { heartbeats: [heartbeat(10, false)] }).components().components;
    const impots = components.find((c) => c.id === 'impots')!;
    expect(impots.status).toBe('partial_outage');
    const ameli = components.find((c) => c.id === 'ameli')!;
    expect(ameli.status).toBe('degraded_performance');
    expect(ameli.description).toBe(t('en').unknownReasons.probe_offline);
    expect(docs('en', { heartbeats: [] }).status().status.description).toBe('Monitoring interrupted');
    expect(docs('en', { heartbeats: [heartbeat(10, false)] }).status().status.description).toBe('Service status not confirmed');
  });

  it('maps incidents with their updates newest first, French text while English is pending', () => {
    const [mapped] = docs('en').unresolvedIncidents().incidents;
    expect(Object.keys(mapped!)).toEqual(INCIDENT_KEYS);
    expect(mapped).toMatchObject({
      name: 'Connexion impossible',
      status: 'monitoring',
      impact: 'minor',
      resolved_at: null,
      shortlink: 'https://vigie.example.fr/en/incidents/i1',
    });
    expect(mapped!.monitoring_at).toMatch(ISO_OFFSET);
    expect(mapped!.incident_updates.map((u) => [u.id, u.status, u.body])).toEqual([
      ['u2', 'monitoring', 'Correctif appliqué.'],
      ['u1', 'investigating', 'Investigating.'],
    ]);
    expect(Object.keys(mapped!.incident_updates[0]!)).toEqual(UPDATE_KEYS);
    expect(mapped!.components.map((c) => c.id)).toEqual(['impots']);
  });

  it('maps maintenance to scheduled maintenances with their window', () => {
    const { scheduled_maintenances: list } = docs('fr').upcomingMaintenances();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'later', status: 'scheduled', impact: 'none' });
    expect(list[0]!.scheduled_for).toMatch(ISO_OFFSET);
    expect(new Date(list[0]!.scheduled_until).getTime()).toBe(NOW.getTime() + 6 * HOUR);
    expect(
      docs('fr')
        .activeMaintenances()
        .scheduled_maintenances.map((m) => m.id),
    ).toEqual(['active']);
  });

  it('rates incident impact like the page indicator', () => {
    const impact = (i: Incident) => incidentImpact(affectedOf(i), 10);
    expect(impact(incident('x'))).toBe('none');
    expect(impact(incident('x', { affected: [{ serviceId: 'a', impact: 'degraded' }] }))).toBe('minor');
    expect(impact(incident('x', { kind: 'auto', serviceId: 'a' }))).toBe('major');
    const wide = ['a', 'b', 'c', 'd'].map((id) => ({ serviceId: id, impact: 'major' as const }));
    expect(impact(incident('x', { affected: wide }))).toBe('critical');
  });
});

describe('badge', () => {
  it('escapes the name and carries the state as a word', () => {
    const svg = badgeSvg({ name: 'A <b> & "c"', state: 'down', stateWord: 'Panne majeure', title: 'A <b>: Panne', lang: 'fr' });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).toContain('>Panne majeure</text>');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*role="img"/);
  });
});
