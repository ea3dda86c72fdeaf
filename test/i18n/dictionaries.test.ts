import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';

/** Key paths of a dictionary, so a key added to one language only is caught even through a cast. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('dictionaries', () => {
  it('have the same keys in French and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(fr).sort());
  });

  it('use the words of the field for states and statuses', () => {
    expect(fr.states.degraded).toBe('Perturbé (performances dégradées)');
    expect(fr.impacts.partial).toBe('Panne partielle');
    expect(fr.incidentStatuses.investigating).toBe('Analyse en cours');
    expect(fr.incidentStatuses.identified).toBe('Cause identifiée');
    expect(fr.admin.incident.takeOver).toBe('Prendre en charge cette panne');
    expect(fr.admin.audit.colIp).toBe('Adresse IP');
    expect(fr.info.probes.colInterval).toBe('Intervalle');
    expect(en.banner.allOk).toBe('All services operational');
    expect(fr.banner.allOk).toBe('Tous les services fonctionnent normalement');
  });

  it('agree nouns with numbers', () => {
    expect(fr.banner.disrupted(1)).toBe('1\u00a0service en panne ou ralenti');
    expect(fr.banner.disrupted(3)).toBe('3\u00a0services en panne ou ralentis');
    expect(en.banner.disrupted(1)).toBe('1 service down or degraded');
    expect(en.banner.disrupted(2)).toBe('2 services down or degraded');
  });
});

describe('natural English', () => {
  it.each([
    [en.incidents.noneOngoing, 'No ongoing incidents.'],
    [en.head.serviceFeed('Urssaf', 'RSS'), 'Urssaf: incidents and maintenance (RSS)'],
    [fr.service.latencySummary('28\u00a0ms', '28\u00a0ms', '64\u00a0ms'), 'Médiane\u00a0: 28\u00a0ms\u00a0; maximum\u00a0: 64\u00a0ms.'],
    [fr.feeds.currentState('Panne majeure'), 'État actuel\u00a0: panne majeure.'],
    [en.limits.uriTooLong(12288), 'Address too long: 12,288 characters at most.'],
    [fr.limits.uriTooLong(12288), 'Adresse trop longue\u00a0: 12\u202f288\u00a0caractères au plus.'],
    [en.service.day('Monday 23 November', '99.2%', 12), 'Monday 23 November: 99.2% uptime, 12 min of downtime'],
    [en.admin.nav.signedInAs('alice@example.gouv.fr'), 'Signed in as alice@example.gouv.fr'],
    [en.overview.details('Sénat'), 'Sénat: service status'],
    [fr.overview.details('Sénat'), 'Sénat\u00a0: état du service'],
  ])('%j', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('says public bodies, not administrations', () => {
    expect(
      JSON.stringify(
        en.info.probes.body({
          minInterval: '',
          maxInterval: '',
          failuresBeforeDown: 3,
          successesBeforeUp: 2,
          reported: { locations: [], userAgents: [''], perHost: 2 },
        }),
      ),
    ).not.toMatch(/administrations/);
  });
});
