import { describe, expect, it } from 'vitest';
import { isUpdateLate, NEXT_UPDATE_DELAYS, nextUpdateDue } from '../../src/domain/next-update.ts';
import type { Impact } from '../../src/domain/vocabulary.ts';

const UPDATED = new Date('2026-12-06T13:30:00Z');
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('next update due', () => {
  it.each<[string, Date | null, Impact | null, boolean, string | null]>([
    ['staff gave 15 h 30 Paris', new Date('2026-12-06T14:30:00Z'), 'major', false, '2026-12-06T14:30:00.000Z'],
    ['major outage, no time given: an hour', null, 'major', false, '2026-12-06T14:30:00.000Z'],
    ['partial outage: two hours', null, 'partial', false, '2026-12-06T15:30:00.000Z'],
    ['degraded: four hours', null, 'degraded', false, '2026-12-06T17:30:00.000Z'],
    ['no impact and no time given: nothing promised', null, null, false, null],
    ['resolved: nothing more to come', new Date('2026-12-06T14:30:00Z'), 'major', true, null],
  ])('%s', (_, nextUpdateAt, impact, resolved, expected) => {
    expect(iso(nextUpdateDue({ at: UPDATED, nextUpdateAt }, { resolved, impact }, NEXT_UPDATE_DELAYS))).toBe(expected);
  });
});

describe('update late', () => {
  const due = new Date('2026-12-06T14:30:00Z');
  it.each<[string, Date | null, string, boolean]>([
    ['before the promised time', due, '2026-12-06T14:29:59Z', false],
    ['at the promised time', due, '2026-12-06T14:30:00Z', false],
    ['a second past it', due, '2026-12-06T14:30:01Z', true],
    ['nothing promised', null, '2026-12-07T00:00:00Z', false],
  ])('%s', (_, dueAt, now, expected) => {
    expect(isUpdateLate(dueAt, new Date(now))).toBe(expected);
  });
});
