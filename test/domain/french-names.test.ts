import { describe, expect, it } from 'vitest';
import { keptFrenchNames, splitFrenchNames } from '../../src/domain/french-names.ts';

const NAMES = ['impots.gouv.fr', 'France Travail', 'France', 'ameli'];

describe('names kept in French inside English text', () => {
  it.each([
    [
      'impots.gouv.fr: unreachable',
      [
        { text: 'impots.gouv.fr', french: true },
        { text: ': unreachable', french: false },
      ],
    ],
    [
      'Slow pages on France Travail and ameli',
      [
        { text: 'Slow pages on ', french: false },
        { text: 'France Travail', french: true },
        { text: ' and ', french: false },
        { text: 'ameli', french: true },
      ],
    ],
    [
      'Outage in France',
      [
        { text: 'Outage in ', french: false },
        { text: 'France', french: true },
      ],
    ],
    ['Cameline and amelioration', [{ text: 'Cameline and amelioration', french: false }]],
    ['No service named here', [{ text: 'No service named here', french: false }]],
    ['', []],
  ])('%j', (text, pieces) => {
    expect(splitFrenchNames(text, NAMES)).toEqual(pieces);
  });

  it('keeps in French the names the catalogue gives the same in both languages, once each', () => {
    expect(
      keptFrenchNames([
        { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' },
        { fr: "Caisse d'allocations familiales", en: 'Family benefits (CAF)' },
        { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' },
      ]),
    ).toEqual(['impots.gouv.fr']);
  });
});
