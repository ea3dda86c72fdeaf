import { describe, expect, it } from 'vitest';
import { resolveCatalogue } from '../../src/config/services-schema.ts';
import type { PublishedState } from '../../src/domain/vocabulary.ts';
import { guidanceFor, isCrisis } from '../../src/status/guidance.ts';

/** What a service in trouble shows: computed once, from the catalogue's facts, the published state and the extensions. */
const THURSDAY_10H = new Date('2026-12-03T09:00:00Z');
const [impots] = resolveCatalogue({
  categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }],
  services: [
    {
      id: 'impots',
      name: 'impots.gouv.fr',
      category: 'tax',
      url: 'https://www.impots.gouv.fr/',
      alternatives: [
        {
          kind: 'phone',
          label: { fr: 'Impôts', en: 'Tax' },
          number: '0 809 401 401',
          hours: { weekly: { thu: ['08:30-19:00'] } },
        },
      ],
      deadlines: [{ id: 'zone-1', name: { fr: 'zone 1', en: 'zone 1' }, at: '2026-12-05T23:59:00+01:00' }],
    },
  ],
}).services;

describe('guidance for a service', () => {
  it.each<[PublishedState, boolean]>([
    ['down', true],
    ['partial', true],
    ['degraded', true],
    ['operational', false],
    ['maintenance', false],
    ['closed', false],
    ['unknown', false],
  ])('%s: pushes the first open way and the deadline forward: %s', (state, shown) => {
    const view = guidanceFor(impots, { state, since: THURSDAY_10H }, THURSDAY_10H);
    expect(view.troubled).toBe(shown);
    expect(view.first?.alternative.number ?? null).toBe(shown ? '0 809 401 401' : null);
    expect(view.threatened.map((d) => d.id)).toEqual(shown ? ['zone-1'] : []);
    // The page lists every way whatever the state.
    expect(view.alternatives).toHaveLength(1);
  });

  it('applies a published extension and keeps the deadline in view, even when the new date is further than a week', () => {
    const extension = {
      serviceId: 'impots',
      deadlineId: 'zone-1',
      at: new Date('2026-12-20T22:59:00Z'),
      url: 'https://www.impots.gouv.fr/report',
      author: 'a@x.fr',
      publishedAt: THURSDAY_10H,
    };
    const [deadline] = guidanceFor(impots, { state: 'down', since: THURSDAY_10H }, THURSDAY_10H, [extension]).threatened;
    expect(deadline).toMatchObject({ at: extension.at, extendedFrom: new Date('2026-12-05T22:59:00Z'), extensionUrl: extension.url });
  });
});

describe('a crisis', () => {
  const counts = (down: number, partial: number, degraded: number) =>
    ({ operational: 0, maintenance: 5, closed: 5, unknown: 5, down, partial, degraded }) as Record<PublishedState, number>;
  it.each([
    [counts(1, 1, 0), 3, false],
    [counts(1, 1, 1), 3, true],
    [counts(0, 0, 3), 3, true],
    [counts(0, 0, 0), 1, false],
    [counts(1, 0, 0), 1, true],
  ])('%j with a threshold of %i: %s', (c, threshold, expected) => {
    expect(isCrisis(c, threshold)).toBe(expected);
  });
});
