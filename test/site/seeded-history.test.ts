import { describe, expect, it } from 'vitest';
import { dayBars } from '../../src/status/uptime.ts';
import { FIXED_CLOCKS } from '../support/fixed-clocks.ts';
import { dailyHistory, historyRollups } from '../support/seed-history.ts';

/** The seeded histories the page tests read must fall on the Paris days they mean, at any hour. */
describe.each(FIXED_CLOCKS)('seeded history at $name', ({ at }) => {
  it('puts the story’s outage on bar 80, its maintenance on bar 60 and nothing on the first ten', () => {
    const bars = dayBars(dailyHistory('impots', at), { days: 90, now: at });
    expect(bars.map((bar) => bar.downSeconds > 0)).toEqual(bars.map((_, i) => i === 80));
    expect(bars[80]?.downSeconds).toBe(42 * 60);
    expect(bars[60]?.maintenanceSeconds).toBe(90 * 60);
    expect(bars.slice(0, 10).every((bar) => bar.level === 'unknown')).toBe(true);
    expect(bars.slice(10).every((bar) => bar.noDataSeconds === 0)).toBe(true);
  });

  it('gives the web seed one daily rollup for each of the past days and none for today', () => {
    const bars = dayBars(historyRollups('service-1', { days: 30, now: at }), { days: 31, now: at });
    expect(bars.map((bar) => bar.level === 'unknown')).toEqual(bars.map((_, i) => i === 30));
    expect(bars.slice(0, 30).every((bar) => bar.noDataSeconds === 0)).toBe(true);
    expect(bars.map((bar) => bar.downSeconds > 0)).toEqual(bars.map((_, i) => i === 0 || i === 10 || i === 20));
  });
});
