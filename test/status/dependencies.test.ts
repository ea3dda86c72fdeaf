import { describe, expect, it } from 'vitest';
import type { PublishedState } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { bannerView } from '../../src/site/banner.ts';
import { dependentsPerUpstream, stillAnswers, upstreamsDown, type DependencyFacts } from '../../src/status/dependencies.ts';
import { buildSnapshot } from '../../src/status/snapshot.ts';
import { catalogue, heartbeat, NOW, service, tracking } from './fixtures.ts';

const since = new Date('2026-11-24T20:00:00Z');
const facts = (id: string, state: PublishedState, dependsOn?: string[]): DependencyFacts => ({
  id,
  name: { fr: id.toUpperCase(), en: id.toUpperCase() },
  state,
  since,
  ...(dependsOn ? { dependsOn } : {}),
});

describe('upstreamsDown (pure rule)', () => {
  const table: { name: string; services: DependencyFacts[]; expected: Record<string, string[]> }[] = [
    { name: 'no dependencies', services: [facts('fc', 'down'), facts('a', 'operational')], expected: {} },
    { name: 'upstream up', services: [facts('fc', 'operational'), facts('a', 'operational', ['fc'])], expected: {} },
    { name: 'upstream down', services: [facts('fc', 'down'), facts('a', 'operational', ['fc'])], expected: { a: ['fc'] } },
    { name: 'upstream degraded only', services: [facts('fc', 'degraded'), facts('a', 'operational', ['fc'])], expected: {} },
    { name: 'upstream unknown', services: [facts('fc', 'unknown'), facts('a', 'operational', ['fc'])], expected: {} },
    {
      name: 'two upstreams, one down, dependent down too',
      services: [facts('fc', 'down'), facts('api', 'operational'), facts('a', 'down', ['api', 'fc'])],
      expected: { a: ['fc'] },
    },
    {
      name: 'only direct upstreams count',
      services: [facts('root', 'down'), facts('mid', 'operational', ['root']), facts('leaf', 'operational', ['mid'])],
      expected: { mid: ['root'] },
    },
    { name: 'unknown id ignored', services: [facts('a', 'operational', ['gone'])], expected: {} },
  ];
  it.each(table)('$name', ({ services, expected }) => {
    const found = Object.fromEntries([...upstreamsDown(services)].map(([id, list]) => [id, list.map((u) => u.id)]));
    expect(found).toEqual(expected);
  });

  it.each([
    ['operational', true],
    ['degraded', true],
    ['partial', false],
    ['down', false],
    ['unknown', false],
    ['maintenance', false],
    ['closed', false],
  ] as const)('a %s service still answers: %s', (state, answers) => {
    expect(stillAnswers(state)).toBe(answers);
  });

  it('counts the dependents of each upstream once', () => {
    const down = upstreamsDown([facts('fc', 'down'), ...['a', 'b', 'c'].map((id) => facts(id, 'operational', ['fc']))]);
    expect(dependentsPerUpstream(down).map(({ upstream, dependents }) => [upstream.id, dependents])).toEqual([['fc', 3]]);
  });
});

describe('dependencies on the surfaces', () => {
  const services = [
    service('franceconnect', 'identity', { name: { fr: 'FranceConnect', en: 'FranceConnect' } }),
    service('impots', 'tax', { dependsOn: ['franceconnect'] }),
    service('ameli', 'health', { dependsOn: ['franceconnect'] }),
    service('caf', 'family'),
  ];
  const snapshot = buildSnapshot({
    catalogue: catalogue(services),
    trackings: [
      tracking('franceconnect', 'down', 10),
      tracking('impots', 'operational', 10),
      tracking('ameli', 'down', 10),
      tracking('caf', 'operational', 10),
    ],
    heartbeats: [heartbeat(5)],
    openIncidents: [],
    maintenances: [],
    dataVersion: 1,
    now: NOW,
  });
  const view = (id: string) => snapshot.services.find((s) => s.id === id)!;

  it('marks each dependent with the upstream that is down, and only them', () => {
    expect(view('impots').upstreamsDown.map((u) => u.id)).toEqual(['franceconnect']);
    expect(view('ameli').upstreamsDown.map((u) => u.id)).toEqual(['franceconnect']);
    expect(view('caf').upstreamsDown).toEqual([]);
    expect(view('franceconnect').upstreamsDown).toEqual([]);
  });

  it('says it in plain words, whether the dependent answers or not', () => {
    const fr = t('fr').waves.dependencies;
    expect([view('impots').state, view('ameli').state]).toEqual(['operational', 'down']);
    expect(fr.upstreamDown('FranceConnect', stillAnswers(view('impots').state))).toBe(
      'Connexion avec FranceConnect indisponible\u00a0: la connexion directe reste possible',
    );
    expect(fr.upstreamDown('FranceConnect', stillAnswers(view('ameli').state))).toBe('Connexion avec FranceConnect indisponible');
  });

  it('the banner names the shared cause once, with its number of dependents', () => {
    expect(bannerView(snapshot, t('fr'), 'fr').details.at(-1)).toBe('FranceConnect est indisponible\u00a0; 2\u00a0services en dépendent.');
    expect(bannerView(snapshot, t('en'), 'en').details.at(-1)).toBe('FranceConnect is unavailable; 2 services depend on it.');
  });
});
