import { describe, expect, it } from 'vitest';
import { nextParisMonthStart, parisMonthStart, parsePeriodKey, periodContaining, periodsBetween } from '../../src/domain/paris-periods.ts';

const HOUR = 3_600_000;
const hours = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / HOUR;

describe('Paris calendar periods', () => {
  it.each([
    ['2026-01', 'month', '2025-12-31T23:00:00.000Z', 744],
    ['2026-03', 'month', '2026-02-28T23:00:00.000Z', 743],
    ['2026-04', 'month', '2026-03-31T22:00:00.000Z', 720],
    ['2026-10', 'month', '2026-09-30T22:00:00.000Z', 745],
    ['2026-q1', 'quarter', '2025-12-31T23:00:00.000Z', 2159],
    ['2026-q4', 'quarter', '2026-09-30T22:00:00.000Z', 2209],
    ['2026', 'year', '2025-12-31T23:00:00.000Z', 8760],
    ['2024', 'year', '2023-12-31T23:00:00.000Z', 8784],
  ])('%s is a %s from %s lasting %i hours', (key, kind, start, length) => {
    const period = parsePeriodKey(key)!;
    expect(period).toMatchObject({ key, kind });
    expect(period.start.toISOString()).toBe(start);
    expect(hours(period)).toBe(length);
  });

  it.each(['2026-13', '2026-00', '2026-q5', '2026-Q1', '26', '2026-1', '1999', '2026-03-01', ''])('refuses %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('lists the months a period is made of', () => {
    expect(parsePeriodKey('2026-q2')!.months).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(parsePeriodKey('2026')!.months).toHaveLength(12);
    expect(parsePeriodKey('2026-02')!.months).toEqual(['2026-02']);
  });

  it('finds the period containing an instant by the Paris calendar, not UTC', () => {
    const newYearInParis = new Date('2025-12-31T23:30:00Z');
    expect(periodContaining('year', newYearInParis).key).toBe('2026');
    expect(periodContaining('quarter', newYearInParis).key).toBe('2026-q1');
    expect(periodContaining('month', new Date('2026-03-31T22:30:00Z')).key).toBe('2026-04');
  });

  it('gives month buckets, also across the clock changes', () => {
    const march = parisMonthStart(Date.parse('2026-03-29T12:00:00Z'));
    expect(new Date(march).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(nextParisMonthStart(march)).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(new Date(parisMonthStart(Date.parse('2026-10-31T22:59:59Z'))).toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(new Date(parisMonthStart(Date.parse('2026-10-31T23:00:00Z'))).toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });

  it('lists the periods between two instants, newest first', () => {
    const from = new Date('2025-11-15T10:00:00Z');
    const to = new Date('2026-02-03T10:00:00Z');
    expect(periodsBetween('month', from, to).map((p) => p.key)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(periodsBetween('quarter', from, to).map((p) => p.key)).toEqual(['2026-q1', '2025-q4']);
    expect(periodsBetween('year', from, to).map((p) => p.key)).toEqual(['2026', '2025']);
  });
});
