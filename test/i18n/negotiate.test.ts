import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/i18n/negotiate.ts';

describe('pickLocale', () => {
  it.each([
    [null, 'fr'],
    ['', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-US,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE,de;q=0.9', 'fr'],
    ['de,en;q=0.5', 'en'],
    ['en;q=0.5,fr;q=0.5', 'fr'],
    ['en;q=0,fr;q=0.1', 'fr'],
    ['EN', 'en'],
    ['en;q=abc', 'fr'],
  ])('%j → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});
