import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/config/load-catalogue.ts';
import { buildSearchIndex, searchServices } from '../../src/search/search-services.ts';
import { catalogue, service } from '../status/fixtures.ts';

const shipped = await loadCatalogue(fileURLToPath(new URL('../../services.json', import.meta.url)));
const index = buildSearchIndex(shipped);
const ids = (query: string) => searchServices(index, query).map((h) => h.id);

describe('searching the shipped catalogue the way citizens name services', () => {
  it.each([
    ['impots', 'impots'],
    ['impot', 'impots'],
    ['IMPÔTS', 'impots'],
    ['la CAF', 'caf'],
    ['caf', 'caf'],
    ['Pôle emploi', 'france-travail'],
    ['pole emploi', 'france-travail'],
    ['ANTS', 'ants'],
    ['carte grise', 'ants'],
    ['ameli', 'ameli'],
    ['Ameli.fr', 'ameli'],
    ['securite sociale', 'ameli'],
    ['France Travail', 'france-travail'],
    ['france titres', 'ants'],
    ['CPF', 'mon-compte-formation'],
    ['meteo', 'meteo-france'],
    ['legifrance', 'legifrance'],
    ['Family benefits', 'caf'],
    ['Customs', 'douane'],
    ['douane', 'douane'],
  ])('%j finds %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('lists every service a broad word names, names before descriptions', () => {
    const hits = searchServices(index, 'retraite');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['info-retraite', 'assurance-retraite']));
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['assurance-retraite', 'info-retraite']);
  });

  it.each(['zzzz', 'impots zzzz', 'xq'])('finds nothing for %j', (query) => {
    expect(ids(query)).toEqual([]);
  });
});

describe('searchServices ranks', () => {
  const small = buildSearchIndex(
    catalogue([
      service('a', 'tax', { name: { fr: 'Alpha emploi', en: 'Alpha jobs' }, description: { fr: 'Parle de beta.', en: 'About beta.' } }),
      service('b', 'tax', { name: { fr: 'Beta', en: 'Beta' }, aliases: ['Ancien nom'] }),
      service('c', 'tax', { name: { fr: 'Gamma beta emploi', en: 'Gamma' } }),
    ]),
  );
  it.each([
    [
      'beta',
      [
        ['b', 'exact'],
        ['c', 'name'],
        ['a', 'description'],
      ],
    ],
    ['ancien nom', [['b', 'exact']]],
    ['anc', [['b', 'name']]],
    ['emploi gamma', [['c', 'words']]],
    ['alpha beta', [['a', 'description']]],
    ['la', []],
  ] as const)('%j gives %j', (query, expected) => {
    expect(searchServices(small, query).map((h) => [h.id, h.rank])).toEqual(expected);
  });
});
