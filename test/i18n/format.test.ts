import { describe, expect, it } from 'vitest';
import {
  downMinutes,
  formatAgo,
  formatDate,
  formatDateTime,
  formatDateTimeZoned,
  formatDayKey,
  formatDuration,
  formatMs,
  formatPercent,
  formatShortDate,
  formatTime,
  formatWindow,
} from '../../src/i18n/format.ts';
import { parisDayKey } from '../../src/domain/paris-time.ts';

const NB = '\u00a0';
// 21:05 UTC in November is 22:05 in Paris (UTC+1); in July Paris is UTC+2.
const winter = new Date('2026-11-24T21:05:00Z');
const summer = new Date('2026-07-14T21:05:00Z');

describe('times in Paris', () => {
  it('writes French hours with « h » and English with a colon', () => {
    expect(formatTime(winter, 'fr')).toBe(`22${NB}h${NB}05`);
    expect(formatTime(winter, 'en')).toBe('22:05');
    expect(formatTime(summer, 'en')).toBe('23:05');
  });

  it('writes French hours without a leading zero and whole hours without minutes', () => {
    expect(formatTime(new Date('2026-11-24T01:05:00Z'), 'fr')).toBe(`2${NB}h${NB}05`);
    expect(formatTime(new Date('2026-11-24T23:30:00Z'), 'fr')).toBe(`0${NB}h${NB}30`);
    expect(formatTime(new Date('2026-11-24T21:00:00Z'), 'fr')).toBe(`22${NB}h`);
    expect(formatTime(new Date('2026-11-24T23:30:00Z'), 'en')).toBe('00:30');
  });

  it('writes the start of a day as 0 h / 00:00, never "midnight"', () => {
    const startOfDay = new Date('2026-11-24T23:00:00Z');
    expect(formatTime(startOfDay, 'fr')).toBe(`0${NB}h`);
    expect(formatTime(startOfDay, 'en')).toBe('00:00');
    expect(formatDateTime(startOfDay, 'en')).not.toMatch(/midnight/i);
    expect(formatDateTime(startOfDay, 'fr')).not.toMatch(/minuit/i);
  });

  it('uses the Paris calendar day, not the UTC one', () => {
    const lateUtc = new Date('2026-11-24T23:30:00Z');
    expect(parisDayKey(lateUtc)).toBe('2026-11-25');
    expect(formatDate(lateUtc, 'en')).toBe(`25${NB}November${NB}2026`);
  });

  it('writes short dates for chart axes', () => {
    expect(formatShortDate(winter, 'fr')).toBe(`24${NB}nov.`);
    expect(formatShortDate(winter, 'en')).toBe(`24${NB}Nov`);
  });

  it('writes the first of the month « 1er » in French', () => {
    expect(formatDate(new Date('2026-11-01T10:00:00Z'), 'fr')).toBe(`1er${NB}novembre${NB}2026`);
    expect(formatDate(new Date('2026-11-01T10:00:00Z'), 'en')).toBe(`1${NB}November${NB}2026`);
  });

  it('joins date and time with « à » / "at" and names the zone in words', () => {
    expect(formatDateTime(winter, 'fr')).toBe(`24${NB}novembre${NB}2026 à 22${NB}h${NB}05`);
    expect(formatDateTimeZoned(winter, 'fr')).toMatch(/\(heure de Paris\)$/);
    expect(formatDateTimeZoned(winter, 'en')).toBe(`24${NB}November${NB}2026 at 22:05 (Paris time)`);
  });

  it('formats a calendar day key with its weekday', () => {
    expect(formatDayKey('2026-11-23', 'fr', { weekday: true })).toBe(`lundi${NB}23${NB}novembre${NB}2026`);
    expect(formatDayKey('2026-11-23', 'en', { weekday: true })).toBe(`Monday${NB}23${NB}November${NB}2026`);
  });

  it('writes a window on one day with its two times, across days with both dates', () => {
    const end = new Date('2026-11-24T22:30:00Z');
    expect(formatWindow(winter, end, 'fr')).toBe(`le 24${NB}novembre${NB}2026 de 22${NB}h${NB}05 à 23${NB}h${NB}30`);
    const nextDay = new Date('2026-11-25T01:00:00Z');
    expect(formatWindow(winter, nextDay, 'en')).toBe(`from 24${NB}November${NB}2026 at 22:05 to 25${NB}November${NB}2026 at 02:00`);
  });
});

describe('durations and freshness', () => {
  it.each([
    [0, `0${NB}s`, `0${NB}s`],
    [40, `40${NB}s`, `40${NB}s`],
    [59.6, `1${NB}min`, `1${NB}min`],
    [125, `2${NB}min`, `2${NB}min`],
    [3600, `1${NB}h`, `1${NB}h`],
    [7500, `2${NB}h 5${NB}min`, `2${NB}h 5${NB}min`],
    [90_000, `1${NB}jour 1${NB}h`, `1${NB}day 1${NB}h`],
    [93_600, `1${NB}jour 2${NB}h`, `1${NB}day 2${NB}h`],
    [183_600, `2${NB}jours 3${NB}h`, `2${NB}days 3${NB}h`],
    [172_800, `2${NB}jours`, `2${NB}days`],
  ])('%s seconds is « %s » / "%s"', (seconds, french, english) => {
    expect(formatDuration(seconds, 'fr')).toBe(french);
    expect(formatDuration(seconds, 'en')).toBe(english);
  });

  it('says how long ago, and treats a clock slightly ahead as now', () => {
    const now = new Date('2026-11-24T21:05:40Z');
    expect(formatAgo(winter, now, 'fr')).toBe(`il y a 40${NB}s`);
    expect(formatAgo(winter, now, 'en')).toBe(`40${NB}s ago`);
    expect(formatAgo(new Date(now.getTime() + 2000), now, 'en')).toBe(`0${NB}s ago`);
  });

  it('rounds downtime minutes up so a short cut never reads as zero', () => {
    expect(downMinutes(0)).toBe(0);
    expect(downMinutes(20)).toBe(1);
    expect(downMinutes(120)).toBe(2);
  });
});

describe('numbers', () => {
  it('writes percentages with each language’s decimal mark and spacing', () => {
    expect(formatPercent(99.95, 'fr')).toMatch(/^99,95[\u00a0\u202f]%$/);
    expect(formatPercent(99.95, 'en')).toBe('99.95%');
    expect(formatPercent(100, 'en')).toBe('100%');
  });

  it('never rounds an imperfect uptime up to 100 %', () => {
    expect(formatPercent(99.999, 'en')).toBe('99.99%');
    expect(formatPercent(12.345, 'fr', 1)).toMatch(/^12,3[\u00a0\u202f]%$/);
  });

  it('groups milliseconds by language', () => {
    expect(formatMs(1250.4, 'fr')).toMatch(/^1[\u00a0\u202f]250\u00a0ms$/);
    expect(formatMs(1250.4, 'en')).toBe(`1,250${NB}ms`);
  });
});
