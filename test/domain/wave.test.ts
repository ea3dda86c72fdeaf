import { describe, expect, it } from 'vitest';
import { isUmbrella, proposeWave, type WaveCandidate } from '../../src/domain/wave.ts';

const T = new Date('2026-03-11T09:00:00Z');
const min = (m: number) => new Date(T.getTime() + m * 60_000);
const settings = { minServices: 5, windowMinutes: 15 };
const c = (id: string, category: string, since: number | null, extra: Partial<WaveCandidate> = {}): WaveCandidate => ({
  id,
  category,
  down: since !== null,
  since: since === null ? null : min(since),
  covered: false,
  ...extra,
});

describe('proposeWave', () => {
  const wave = [c('a', 'tax', 0), c('b', 'tax', 2), c('c', 'social', 4), c('d', 'social', 6), c('e', 'justice', 9)];

  it.each([
    ['5 services, 3 categories within 9 minutes', wave, ['a', 'b', 'c', 'd', 'e']],
    ['4 services only', wave.slice(0, 4), null],
    ['one category only', wave.map((s) => ({ ...s, category: 'tax' })), null],
    ['spread over more than the window', [...wave.slice(0, 4), c('e', 'justice', 30)], null],
    ['an old outage left out, the recent five kept', [c('old', 'tax', -60), ...wave], ['a', 'b', 'c', 'd', 'e']],
    [
      'services not down (flapping: degraded, never confirmed) do not count',
      [...wave.slice(0, 4), c('e', 'justice', 9, { down: false })],
      null,
    ],
    ['services already under a staff incident do not count', [...wave.slice(0, 4), c('e', 'justice', 9, { covered: true })], null],
  ])('%s', (_name, candidates, expected) => {
    expect(proposeWave(candidates, settings)?.serviceIds ?? null).toEqual(expected);
  });

  it('gives the categories and the span of the wave', () => {
    expect(proposeWave(wave, settings)).toMatchObject({ categories: ['justice', 'social', 'tax'], from: min(0), to: min(9) });
  });
});

describe('isUmbrella', () => {
  const categoryOf = (id: string) => ({ a: 'tax', b: 'tax', c: 'social', d: 'social', e: 'justice' })[id];
  const affected = ['a', 'b', 'c', 'd', 'e'].map((serviceId) => ({ serviceId }));
  it.each([
    ['an open staff incident over 5 services in 3 categories', { kind: 'staff', resolvedAt: null, affected }, true],
    ['resolved', { kind: 'staff', resolvedAt: T, affected }, false],
    ['automatic', { kind: 'auto', resolvedAt: null, affected }, false],
    ['too few services', { kind: 'staff', resolvedAt: null, affected: affected.slice(0, 4) }, false],
    [
      'one category',
      { kind: 'staff', resolvedAt: null, affected: affected.slice(0, 2).concat(affected.slice(0, 2), affected.slice(0, 1)) },
      false,
    ],
  ])('%s: %s', (_name, incident, expected) => {
    expect(isUmbrella(incident, categoryOf, { minServices: 5 })).toBe(expected);
  });
});
