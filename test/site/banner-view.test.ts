import { describe, expect, it } from 'vitest';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { bannerView } from '../../src/site/banner.ts';
import type { Incident } from '../../src/store/records.ts';
import type { Indicator } from '../../src/status/views.ts';

const fr = t('fr');
const en = t('en');

function snapshot(
  counts: Partial<Record<ServiceState, number>>,
  options: { interrupted?: boolean; incidents?: number; indicator?: Indicator; heard?: boolean; regional?: number } = {},
) {
  return {
    overall: {
      indicator: options.indicator ?? 'none',
      counts: { operational: 0, degraded: 0, down: 0, maintenance: 0, unknown: 0, ...counts },
      regional: options.regional ?? 0,
      monitoringInterrupted: options.interrupted ?? false,
    },
    openIncidents: Array.from({ length: options.incidents ?? 0 }, () => ({}) as Incident),
    lastProbeAt: options.heard === false ? null : new Date('2026-11-24T21:00:00Z'),
  };
}

describe('bannerView', () => {
  it('says all is well only when every service is operational and nothing is open', () => {
    expect(bannerView(snapshot({ operational: 40 }), fr)).toEqual({ level: 'operational', title: 'Tous les services fonctionnent normalement', details: [] });
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
    expect(bannerView(snapshot({ operational: 39, degraded: 1 }, { regional: 1 }), en).details).toEqual(['1 unreachable from some places only.']);
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
    expect(view).toEqual({ level: 'unknown', title: fr.banner.notUpdated, details: [fr.banner.storeUnreachable, "1 à l'état indéterminé."] });
    expect(bannerView({ ...base, storeUnreachableSince: null }, en).title).toBe('1 service disrupted');
  });

  it('lets open staff incidents speak when the probes see nothing wrong', () => {
    expect(bannerView(snapshot({ operational: 40 }, { incidents: 2, indicator: 'major' }), fr)).toEqual({
      level: 'down',
      title: '2 incidents en cours',
      details: [],
    });
    expect(bannerView(snapshot({ operational: 40 }, { incidents: 1, indicator: 'minor' }), en).level).toBe('degraded');
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
