import { describe, expect, it } from 'vitest';
import { parisDayStartOfKey } from '../../src/domain/paris-time.ts';
import { dayBars, uptimeOverBars, withPublishedToday } from '../../src/status/uptime.ts';
import { rollup } from './fixtures.ts';

const day = (key: string, seconds: Parameters<typeof rollup>[3]) => rollup('a', 'day', parisDayStartOfKey(key), seconds);
const at = (iso: string) => new Date(iso);

describe('dayBars', () => {
  it('gives one bar per Paris day, oldest first, ending today', () => {
    const bars = dayBars([], { days: 3, now: at('2026-11-24T23:30:00Z') });
    // 23:30 UTC is already the 25th in Paris.
    expect(bars.map((b) => b.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(bars[0]!.start).toEqual(at('2026-11-22T23:00:00Z'));
  });

  it('shows days without rollups as no data, never as up', () => {
    const bars = dayBars([], { days: 2, now: at('2026-11-24T12:00:00Z') });
    expect(bars[0]).toMatchObject({ uptimePct: null, level: 'unknown', noDataSeconds: 86_400 });
    expect(uptimeOverBars(bars)).toBeNull();
  });

  it('counts degraded time as up and shows it as such', () => {
    const [bar] = dayBars([day('2026-11-23', { operational: 80_000, degraded: 6_400 })], { days: 2, now: at('2026-11-24T12:00:00Z') });
    expect(bar).toMatchObject({ uptimePct: 100, degradedSeconds: 6_400, level: 'degraded', noDataSeconds: 0 });
  });

  it('leaves maintenance out of the uptime on both sides', () => {
    const [bar] = dayBars([day('2026-11-23', { operational: 43_200, down: 3_600, maintenance: 39_600 })], {
      days: 2,
      now: at('2026-11-24T12:00:00Z'),
    });
    expect(bar!.uptimePct).toBeCloseTo((43_200 / 46_800) * 100, 6);
    expect(bar).toMatchObject({ maintenanceSeconds: 39_600, downSeconds: 3_600, level: 'down', noDataSeconds: 0 });
  });

  it('counts gaps inside a day as no data, not as up', () => {
    const [bar] = dayBars([day('2026-11-23', { operational: 43_200, unknown: 600 })], { days: 2, now: at('2026-11-24T12:00:00Z') });
    expect(bar).toMatchObject({ uptimePct: 100, noDataSeconds: 43_200, level: 'operational' });
  });

  it('counts only the elapsed part of today as possible data', () => {
    const bars = dayBars([day('2026-11-24', { operational: 3_600 })], { days: 1, now: at('2026-11-24T01:00:00Z') });
    // 01:00 UTC is 02:00 in Paris: two hours of today have elapsed, one was measured.
    expect(bars[0]).toMatchObject({ day: '2026-11-24', noDataSeconds: 3_600 });
  });

  it('handles the 23-hour and 25-hour days of DST changes', () => {
    const spring = dayBars([day('2026-03-29', { operational: 23 * 3600 })], { days: 1, now: at('2026-03-29T21:59:00Z') });
    expect(spring[0]).toMatchObject({ day: '2026-03-29', noDataSeconds: 0, uptimePct: 100 });
    const autumn = dayBars([day('2026-10-25', { operational: 24 * 3600 })], { days: 2, now: at('2026-10-26T10:00:00Z') });
    expect(autumn[0]).toMatchObject({ day: '2026-10-25', noDataSeconds: 3_600 });
    expect(autumn[0]!.start).toEqual(at('2026-10-24T22:00:00Z'));
    expect(autumn[1]!.start).toEqual(at('2026-10-25T23:00:00Z'));
  });

  it('weights uptime over several days by monitored time', () => {
    const bars = dayBars([day('2026-11-22', { operational: 86_400 }), day('2026-11-23', { operational: 3_000, down: 600 })], {
      days: 3,
      now: at('2026-11-24T12:00:00Z'),
    });
    expect(uptimeOverBars(bars)).toBeCloseTo(((86_400 + 3_000) / (86_400 + 3_600)) * 100, 6);
  });
});

describe('withPublishedToday', () => {
  const now = at('2026-11-24T12:00:00Z');
  const bars = dayBars([day('2026-11-23', { down: 600, operational: 85_800 }), day('2026-11-24', { degraded: 600, operational: 42_600 })], {
    days: 2,
    now,
  });

  it.each([
    ['operational', 'degraded'],
    ['closed', 'degraded'],
    ['maintenance', 'degraded'],
    ['unknown', 'degraded'],
    ['degraded', 'degraded'],
    ['partial', 'partial'],
    ['down', 'down'],
  ] as const)('today published %s shows %s, the figures unchanged', (state, level) => {
    const shown = withPublishedToday(bars, state);
    expect(shown.at(-1)).toEqual({ ...bars.at(-1), level });
    expect(shown[0]).toEqual(bars[0]);
  });
});
