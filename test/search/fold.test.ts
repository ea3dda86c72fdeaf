import { describe, expect, it } from 'vitest';
import { foldText, MAX_QUERY_LENGTH, normaliseQuery } from '../../src/search/fold.ts';

describe('foldText', () => {
  it.each([
    ['Impôts.gouv.fr', 'impots gouv fr'],
    ['PÔLE-EMPLOI', 'pole emploi'],
    ["  L'Assurance   retraite ", 'l assurance retraite'],
    ['Œuvres sociales', 'oeuvres sociales'],
    ['Ｆｒａｎｃｅ', 'france'],
    ['Météo‑France', 'meteo france'],
    ['\u0000\uFFFD<script>', 'script'],
  ])('%j folds to %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('normaliseQuery', () => {
  it.each([
    [null, null],
    ['', null],
    ['   ', null],
    ['!!! ?', null],
    ['\uFFFD\uFFFD', null],
    ['Impôts', 'impots'],
    [' la  CAF ', 'la caf'],
  ])('%j becomes %j', (raw, query) => {
    expect(normaliseQuery(raw)).toBe(query);
  });

  it('cuts a huge query to a bounded length without a trailing space', () => {
    expect(normaliseQuery('é'.repeat(10_000))).toBe('e'.repeat(MAX_QUERY_LENGTH));
    const words = normaliseQuery('ab '.repeat(5_000));
    expect(words?.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(words).toMatch(/^ab( ab)*$/);
  });
});
