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
    expect(fr.incidentStatuses.investigating).toBe("En cours d'investigation");
    expect(en.banner.allOk).toBe('All services operational');
    expect(fr.banner.allOk).toBe('Tous les services fonctionnent normalement');
  });

  it('agree nouns with numbers', () => {
    expect(fr.banner.disrupted(1)).toBe('1 service perturbé');
    expect(fr.banner.disrupted(3)).toBe('3 services perturbés');
    expect(en.banner.disrupted(1)).toBe('1 service disrupted');
    expect(en.banner.disrupted(2)).toBe('2 services disrupted');
  });
});
