import { describe, expect, it } from 'vitest';
import { hoursStatus, isOpen, parseOpeningRange, weekdayOf, type ServiceHours } from '../../src/domain/service-hours.ts';
import { parisDayMinuteToInstant } from '../../src/domain/paris-time.ts';

const r = (text: string) => parseOpeningRange(text)!;
const weekday = [r('08:00-20:00')];
const night = [r('00:00-01:00'), r('02:30-24:00')];

/** Office hours on weekdays, a nightly batch window 01:00–02:30 at weekends, two exceptions. */
const HOURS: ServiceHours = {
  weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: night, sun: night },
  exceptions: { '2026-12-25': [], '2026-12-24': [r('08:00-12:00')] },
};

describe('weekdayOf', () => {
  it.each([
    ['2026-11-24', 'tue'],
    ['2026-03-29', 'sun'],
    ['2026-10-25', 'sun'],
    ['2024-02-29', 'thu'],
    ['2023-12-31', 'sun'],
  ])('%s is a %s', (key, day) => expect(weekdayOf(key)).toBe(day));
});

describe('parseOpeningRange', () => {
  it.each([
    ['08:30-18:00', { from: 510, to: 1080 }],
    ['00:00-24:00', { from: 0, to: 1440 }],
    ['8:30-18:00', null],
    ['08:30-24:30', null],
    ['24:00-24:00', null],
    ['08:30', null],
  ])('%s', (text, expected) => expect(parseOpeningRange(text)).toEqual(expected));
});

describe('opening hours', () => {
  it.each([
    // Tuesday 24 November 2026 (winter, UTC+1)
    ['2026-11-24T06:59:00Z', false, '2026-11-24T07:00:00.000Z', 'before opening'],
    ['2026-11-24T07:00:00Z', true, null, 'at opening'],
    ['2026-11-24T18:59:59Z', true, null, 'last second'],
    ['2026-11-24T19:00:00Z', false, '2026-11-25T07:00:00.000Z', 'at closing'],
    // Friday evening: next opening is Saturday 00:00 Paris
    ['2026-11-27T20:00:00Z', false, '2026-11-27T23:00:00.000Z', 'Friday after closing'],
    ['2026-11-27T23:30:00Z', true, null, 'Saturday 00:30 Paris'],
    ['2026-11-28T00:30:00Z', false, '2026-11-28T01:30:00.000Z', 'Saturday 01:30 Paris, in the batch window'],
    // Christmas Eve exception closes at noon, Christmas is closed, the 26th is a Saturday
    ['2026-12-24T11:30:00Z', false, '2026-12-25T23:00:00.000Z', 'exceptions'],
    ['2026-12-24T10:59:00Z', true, null, 'exception still open'],
    // Spring change, Sunday 29 March 2026: 02:00 Paris jumps to 03:00, so "02:30" opens at 03:00 CEST
    ['2026-03-29T00:10:00Z', false, '2026-03-29T01:00:00.000Z', 'spring: 01:10 Paris, opening skipped forward'],
    ['2026-03-29T01:00:00Z', true, null, 'spring: 03:00 CEST is open'],
    // Autumn change, Sunday 25 October 2026: 03:00 CEST goes back to 02:00 CET
    ['2026-10-25T00:10:00Z', false, '2026-10-25T00:30:00.000Z', 'autumn: first 02:10 (CEST), opens at the first 02:30'],
    ['2026-10-25T00:30:00Z', true, null, 'autumn: first 02:30 (CEST) is open'],
    ['2026-10-25T01:10:00Z', false, '2026-10-25T01:30:00.000Z', 'autumn: second 02:10 (CET), opens 02:30 CET'],
    ['2026-10-25T01:30:00Z', true, null, 'autumn: 02:30 CET is open'],
    ['2026-10-25T22:59:00Z', true, null, 'autumn: last minute of the 25-hour day'],
    ['2026-10-25T23:00:00Z', false, '2026-10-26T07:00:00.000Z', 'autumn: Monday 00:00 CET closed until 08:00'],
  ] as [string, boolean, string | null, string][])('%s → open %s, opens at %s (%s)', (at, open, opensAt) => {
    const when = new Date(at);
    expect(isOpen(HOURS, when)).toBe(open);
    const status = hoursStatus(HOURS, when);
    expect(status.open ? null : status.opensAt?.toISOString()).toBe(open ? null : opensAt);
  });

  it('is always open without hours', () => {
    expect(hoursStatus(null, new Date('2026-11-24T03:00:00Z'))).toEqual({ open: true });
  });

  it('has no next opening when none is scheduled ahead', () => {
    const never: ServiceHours = { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: {} };
    expect(hoursStatus(never, new Date('2026-11-24T03:00:00Z'))).toEqual({ open: false, opensAt: null });
  });
});

describe('parisDayMinuteToInstant', () => {
  it.each([
    ['2026-11-24', 8 * 60, '2026-11-24T07:00:00.000Z'],
    ['2026-07-14', 8 * 60, '2026-07-14T06:00:00.000Z'],
    ['2026-11-24', 1440, '2026-11-24T23:00:00.000Z'],
    ['2026-03-29', 150, '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', 180, '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', 119, '2026-03-29T00:59:00.000Z'],
    ['2026-10-25', 150, '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', 180, '2026-10-25T02:00:00.000Z'],
  ])('%s minute %i is %s', (key, minute, iso) => expect(parisDayMinuteToInstant(key, minute).toISOString()).toBe(iso));
});
