import { describe, expect, it } from 'vitest';
import { PUBLISHED_STATES, type PublishedState } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { bannerView } from '../../src/site/banner.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { worsePublished } from '../../src/status/published-state.ts';
import type { Indicator, MonitoringGap } from '../../src/status/views.ts';

const fr = t('fr');
const en = t('en');

function snapshot(
  counts: Partial<Record<PublishedState, number>>,
  options: { gap?: MonitoringGap; incidents?: number; indicator?: Indicator; regional?: number } = {},
) {
  const all = Object.fromEntries(PUBLISHED_STATES.map((s) => [s, counts[s] ?? 0])) as Record<PublishedState, number>;
  return {
    overall: {
      indicator: options.indicator ?? 'none',
      counts: all,
      regional: options.regional ?? 0,
      worst: PUBLISHED_STATES.filter((s) => all[s] > 0).reduce<PublishedState>(worsePublished, 'operational'),
      monitoringInterrupted: options.gap !== undefined,
      monitoringGap: options.gap ?? null,
    },
    openIncidents: Array.from({ length: options.incidents ?? 0 }, () => ({}) as Incident),
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

  it('gives one total, broken down in one sentence that adds up to it, and what is paused or unknown apart', () => {
    const view = bannerView(snapshot({ operational: 33, down: 9, degraded: 1, maintenance: 1, closed: 1, unknown: 1 }), fr);
    expect(view).toEqual({
      level: 'down',
      title: '10\u00a0services en panne ou ralentis',
      details: [
        '9 en panne, 1 ralenti.',
        'Par ailleurs\u00a0: 1\u00a0service en maintenance, 1\u00a0service fermé comme prévu, 1\u00a0service à l’état inconnu.',
      ],
    });
    expect(bannerView(snapshot({ operational: 39, degraded: 1 }), en)).toEqual({
      level: 'degraded',
      title: '1 service down or degraded',
      details: ['1 degraded.'],
    });
    expect(bannerView(snapshot({ operational: 30, down: 9, degraded: 1, maintenance: 2 }), en).details).toEqual([
      '9 down, 1 degraded.',
      'Also: 2 services under maintenance.',
    ]);
  });

  it('counts services unreachable from some places apart from outages and slowness', () => {
    expect(bannerView(snapshot({ operational: 36, down: 1, degraded: 3 }, { regional: 2 }), fr)).toEqual({
      level: 'down',
      title: '4\u00a0services en panne ou ralentis',
      details: ['1 en panne, 1 ralenti, 2 inaccessibles depuis certains lieux seulement.'],
    });
    expect(bannerView(snapshot({ operational: 39, degraded: 1 }, { regional: 1 }), en).details).toEqual([
      '1 unreachable from some places only.',
    ]);
  });

  it('puts a monitoring gap before anything the stale data says, worded from its cause', () => {
    const view = bannerView(snapshot({ down: 3, unknown: 37 }, { gap: 'no_fresh_data' }), en);
    expect(view.level).toBe('unknown');
    expect(view.title).toBe('Monitoring interrupted');
    expect(view.details[0]).toMatch(/no longer sending us fresh data/);
    expect(bannerView(snapshot({ unknown: 40 }, { gap: 'not_started' }), fr)).toEqual({
      level: 'unknown',
      title: 'Surveillance pas encore démarrée',
      details: [fr.banner.gaps.not_started.detail],
    });
    const network = bannerView(snapshot({ unknown: 40 }, { gap: 'probe_network' }), fr);
    expect(network.title).toBe('État des services non confirmé');
    expect(network.details[0]).toMatch(/^Notre sonde rencontre un problème de réseau/);
    expect(bannerView(snapshot({ unknown: 40 }, { gap: 'probe_network' }), en).title).toBe('Service status not confirmed');
  });

  it('says the status is not being updated while the store cannot be reached, before anything else', () => {
    const base = snapshot({ operational: 38, down: 1, unknown: 1 });
    const view = bannerView({ ...base, storeUnreachableSince: new Date('2026-11-24T20:55:00Z') }, fr);
    expect(view).toEqual({
      level: 'unknown',
      title: fr.banner.notUpdated,
      details: [fr.banner.storeUnreachable, 'Par ailleurs\u00a0: 1\u00a0service à l’état inconnu.'],
    });
    expect(bannerView({ ...base, storeUnreachableSince: null }, en).title).toBe('1 service down or degraded');
  });

  it('counts what staff declared as the published states say, partial outages included', () => {
    expect(bannerView(snapshot({ operational: 38, partial: 1, down: 1 }, { incidents: 2, indicator: 'major' }), fr)).toEqual({
      level: 'down',
      title: '2\u00a0services en panne ou ralentis',
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
      details: ['Par ailleurs\u00a0: 2\u00a0services fermés comme prévu.'],
    });
  });

  it('does not claim all is well with services in maintenance or unknown', () => {
    expect(bannerView(snapshot({ operational: 38, maintenance: 2 }), fr)).toEqual({
      level: 'maintenance',
      title: 'Aucune panne constatée',
      details: ['Par ailleurs\u00a0: 2\u00a0services en maintenance.'],
    });
    expect(bannerView(snapshot({ operational: 38, unknown: 2 }), en).level).toBe('unknown');
  });
});
