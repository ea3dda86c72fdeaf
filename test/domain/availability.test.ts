import { describe, expect, it } from 'vitest';
import { availabilityAt, firstOpenAlternative } from '../../src/domain/availability.ts';
import type { Alternative } from '../../src/domain/guidance.ts';
import { parseOpeningRange, type ServiceHours } from '../../src/domain/service-hours.ts';
import { WEEKDAYS, type Weekday } from '../../src/domain/vocabulary.ts';

function hours(weekly: Partial<Record<Weekday, string[]>>, exceptions: Record<string, string[]> = {}): ServiceHours {
  const ranges = (texts: string[] = []) => texts.map((t) => parseOpeningRange(t)).filter((r) => r !== null);
  return {
    weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, ranges(weekly[d])])) as ServiceHours['weekly'],
    exceptions: Object.fromEntries(Object.entries(exceptions).map(([k, v]) => [k, ranges(v)])),
  };
}

const WEEKDAYS_OFFICE = hours(
  { mon: ['08:30-18:00'], tue: ['08:30-18:00'], wed: ['08:30-18:00'], thu: ['08:30-18:00'], fri: ['08:30-18:00'] },
  { '2026-12-25': [] },
);
const NIGHT_OWL = hours({ sat: ['20:00-24:00'], sun: ['00:00-02:30', '10:00-11:00'] });
const ALWAYS_BUT_MONDAY = hours({
  tue: ['00:00-24:00'],
  wed: ['00:00-24:00'],
  thu: ['00:00-24:00'],
  fri: ['00:00-24:00'],
  sat: ['00:00-24:00'],
  sun: ['00:00-24:00'],
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('which alternative is open now (Europe/Paris)', () => {
  it.each([
    ['no hours: available at any time', null, '2026-12-06T12:00:00Z', { open: true, until: null }],
    [
      'a Thursday in winter, open until 18 h Paris (17:00 UTC)',
      WEEKDAYS_OFFICE,
      '2026-12-03T09:00:00Z',
      { open: true, until: '2026-12-03T17:00:00.000Z' },
    ],
    [
      'a Thursday in summer, 18 h Paris is 16:00 UTC',
      WEEKDAYS_OFFICE,
      '2026-07-02T09:00:00Z',
      { open: true, until: '2026-07-02T16:00:00.000Z' },
    ],
    ['before opening: opens at 8 h 30', WEEKDAYS_OFFICE, '2026-12-03T06:00:00Z', { open: false, opensAt: '2026-12-03T07:30:00.000Z' }],
    ['closing time itself is closed', WEEKDAYS_OFFICE, '2026-12-03T17:00:00Z', { open: false, opensAt: '2026-12-04T07:30:00.000Z' }],
    ['Saturday: next opening Monday', WEEKDAYS_OFFICE, '2026-12-05T10:00:00Z', { open: false, opensAt: '2026-12-07T07:30:00.000Z' }],
    [
      'Christmas (a Friday) closed: next opening Monday 28',
      WEEKDAYS_OFFICE,
      '2026-12-25T10:00:00Z',
      { open: false, opensAt: '2026-12-28T07:30:00.000Z' },
    ],
    [
      'Friday before the spring change: opens Monday in summer time',
      WEEKDAYS_OFFICE,
      '2026-03-27T18:00:00Z',
      { open: false, opensAt: '2026-03-30T06:30:00.000Z' },
    ],
    [
      'Friday before the autumn change: opens Monday in winter time',
      WEEKDAYS_OFFICE,
      '2026-10-23T18:00:00Z',
      { open: false, opensAt: '2026-10-26T07:30:00.000Z' },
    ],
    [
      'across midnight: Saturday 20 h to Sunday 2 h 30',
      NIGHT_OWL,
      '2026-12-05T21:00:00Z',
      { open: true, until: '2026-12-06T01:30:00.000Z' },
    ],
    // 2026-03-29: clocks jump from 02:00 to 03:00, so 02:30 never shows; it closes at the jump.
    [
      'across the spring change: closes when clocks jump past 2 h 30',
      NIGHT_OWL,
      '2026-03-28T22:00:00Z',
      { open: true, until: '2026-03-29T01:00:00.000Z' },
    ],
    // 2026-10-25: 02:00 to 03:00 happens twice; 02:30 first shows at 00:30 UTC.
    [
      'before the autumn repeat: closes at the first 2 h 30',
      NIGHT_OWL,
      '2026-10-24T23:00:00Z',
      { open: true, until: '2026-10-25T00:30:00.000Z' },
    ],
    [
      'inside the repeated hour: closes at the second 2 h 30',
      NIGHT_OWL,
      '2026-10-25T01:10:00Z',
      { open: true, until: '2026-10-25T01:30:00.000Z' },
    ],
    [
      'open for days: closes when Monday starts',
      ALWAYS_BUT_MONDAY,
      '2026-12-03T12:00:00Z',
      { open: true, until: '2026-12-06T23:00:00.000Z' },
    ],
  ])('%s', (_, h, at, expected) => {
    const result = availabilityAt(h, new Date(at));
    expect(result.open ? { open: true, until: iso(result.until) } : { open: false, opensAt: iso(result.opensAt) }).toEqual(expected);
  });
});

describe('the first open alternative', () => {
  const phone: Alternative = { kind: 'phone', label: { fr: 'Allô', en: 'Allô' }, number: '39 39', hours: WEEKDAYS_OFFICE };
  const counter: Alternative = { kind: 'place', label: { fr: 'Guichet', en: 'Counter' }, hours: hours({ sat: ['09:00-12:00'] }) };
  const form: Alternative = { kind: 'paper', label: { fr: 'Formulaire', en: 'Form' }, hours: null };

  it.each([
    ['a weekday: the phone line, first in the list', '2026-12-03T09:00:00Z', 'phone', '2026-12-03T17:00:00.000Z'],
    ['Saturday morning: the counter', '2026-12-05T09:00:00Z', 'place', '2026-12-05T11:00:00.000Z'],
    ['Sunday: the form, at any time', '2026-12-06T09:00:00Z', 'paper', null],
  ])('%s', (_, at, kind, until) => {
    const found = firstOpenAlternative([phone, counter, form], new Date(at));
    expect({ kind: found?.alternative.kind, until: iso(found?.until ?? null) }).toEqual({ kind, until });
  });

  it('is none when every one is closed', () => {
    expect(firstOpenAlternative([phone, counter], new Date('2026-12-06T09:00:00Z'))).toBeNull();
  });
});
