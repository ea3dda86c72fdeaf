import { describe, expect, it } from 'vitest';
import { parisWallClockToUtc, utcToParisInputs } from '../../src/domain/paris-time.ts';

describe('Paris wall-clock time', () => {
  it.each([
    ['2026-01-15', '22:05', '2026-01-15T21:05:00.000Z'],
    ['2026-07-15', '22:05', '2026-07-15T20:05:00.000Z'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25', '04:00', '2026-10-25T03:00:00.000Z'],
    ['2026-12-31', '23:30', '2026-12-31T22:30:00.000Z'],
  ])('%s %s (Paris) is %s', (date, time, iso) => {
    expect(parisWallClockToUtc(date, time)?.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-29', '02:30'],
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-01-01', '24:00'],
    ['26-01-01', '10:00'],
    ['2026-01-01', '10h00'],
    ['', ''],
  ])('refuses %j %j', (date, time) => {
    expect(parisWallClockToUtc(date, time)).toBeNull();
  });

  it('prefills form inputs in Paris time', () => {
    expect(utcToParisInputs(new Date('2026-07-15T20:05:00Z'))).toEqual({ date: '2026-07-15', time: '22:05' });
    expect(utcToParisInputs(new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});
