import { describe, expect, it } from 'vitest';
import { PUBLISHED_STATES, type PublishedState } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { bannerView } from '../../src/site/banner.ts';
import type { Incident } from '../../src/domain/records.ts';
import { worsePublished } from '../../src/status/published-state.ts';
import type { Indicator } from '../../src/status/views.ts';

const fr = t('fr');
const en = t('en');

function snapshot(
  counts: Partial<Record<PublishedState, number>>,
  options: { interrupted?: boolean; incidents?: number; indicator?: Indicator; heard?: boolean; regional?: number } = {},
) {
  const all = Object.fromEntries(PUBLISHED_STATES.map((s) => [s, counts[s] ?? 0])) as Record<PublishedState, number>;
  return {
    overall: {
      indicator: options.indicator ?? 'none',
      counts: all,
      regional: options.regional ?? 0,
      worst: PUBLISHED_STATES.filter((s) => all[s] > 0).reduce<PublishedState>(worsePublished, 'operational'),
      monitoringInterrupted: options.interrupted ?? false,
    },
    openIncidents: Array.from({ length: options.incidents ?? 0 }, () => ({}) as Incident),
    lastProbeAt: options.heard === false ? null : new Date('2026-11-24T21:00:00Z'),
  };
}

describe('bannerView', () => {
  it('says all is well only when every service is operational and nothing is open', () => {
    expect(bannerView(snapshot({ operational: 40 }), fr)).toEqual({
      level: 'operational',
      title: 'Tous les services fonctionnent normalement',
      details: [],
    });
    expect(bannerView(snapshot({ operational: 40 }), en).title).toBe('All services operational');
  });

  it('counts disrupted services and says how', () => {
    const view = bannerView(snapshot({ operational: 36, down: 1, degraded: 2, unknown: 1 }), fr);
    expect(view).toEqual({
      level: 'down',
      title: '3 services perturbés',
      details: ["1 en panne, 2 aux performances dégradées, 1 à l'état indéterminé."],
    });
    expect(bannerView(snapshot({ operational: 39, degraded: 1 }), en)).toEqual({
      level: 'degraded',
      title: '1 service disrupted',
      details: ['1 with degraded performance.'],
    });
  });

  it('counts services unreachable from some places apart from outages and slowness', () => {
    expect(bannerView(snapshot({ operational: 36, down: 1, degraded: 3 }, { regional: 2 }), fr)).toEqual({
      level: 'down',
      title: '4 services perturbés',
      details: ['1 en panne, 1 aux performances dégradées, 2 inaccessibles depuis certains lieux seulement.'],
    });
    expect(bannerView(snapshot({ operational: 39, degraded: 1 }, { regional: 1 }), en).details).toEqual([
      '1 unreachable from some places only.',
    ]);
  });

  it('puts interrupted monitoring before anything the stale data says', () => {
    const view = bannerView(snapshot({ down: 3, unknown: 37 }, { interrupted: true }), en);
    expect(view.level).toBe('unknown');
    expect(view.title).toBe('Monitoring interrupted');
    expect(view.details[0]).toMatch(/no longer sending fresh data/);
    expect(bannerView(snapshot({ unknown: 40 }, { interrupted: true, heard: false }), fr).details).toEqual([fr.banner.noneYet]);
  });

  it('says the status is not being updated while the store cannot be reached, before anything else', () => {
    const base = snapshot({ operational: 38, down: 1, unknown: 1 });
    const view = bannerView({ ...base, storeUnreachableSince: new Date('2026-11-24T20:55:00Z') }, fr);
    expect(view).toEqual({
      level: 'unknown',
      title: fr.banner.notUpdated,
      details: [fr.banner.storeUnreachable, "1 à l'état indéterminé."],
    });
    expect(bannerView({ ...base, storeUnreachableSince: null }, en).title).toBe('1 service disrupted');
  });

  it('counts what staff declared as the published states say, partial outages included', () => {
    expect(bannerView(snapshot({ operational: 38, partial: 1, down: 1 }, { incidents: 2, indicator: 'major' }), fr)).toEqual({
      level: 'down',
      title: '2 services perturbés',
      details: ['1 en panne, 1 en panne partielle.'],
    });
    expect(bannerView(snapshot({ operational: 39, partial: 1 }, { incidents: 1, indicator: 'minor' }), en).level).toBe('partial');
  });

  it('lets open incidents that name no service speak when no service is disrupted', () => {
    expect(bannerView(snapshot({ operational: 40 }, { incidents: 2 }), fr)).toEqual({
      level: 'degraded',
      title: '2 incidents en cours',
      details: [],
    });
  });

  it('says how many services are closed as planned, without calling it trouble', () => {
    expect(bannerView(snapshot({ operational: 38, closed: 2 }), fr)).toEqual({
      level: 'closed',
      title: 'Aucune panne constatée',
      details: ['2 fermés comme prévu.'],
    });
  });

  it('does not claim all is well with services in maintenance or unknown', () => {
    expect(bannerView(snapshot({ operational: 38, maintenance: 2 }), fr)).toEqual({
      level: 'maintenance',
      title: 'Aucune panne constatée',
      details: ['2 en maintenance.'],
    });
    expect(bannerView(snapshot({ operational: 38, unknown: 2 }), en).level).toBe('unknown');
  });
});
