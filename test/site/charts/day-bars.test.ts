import { describe, expect, it } from 'vitest';
import type { ServiceState } from '../../../src/domain/vocabulary.ts';
import { stripGeometry } from '../../../src/site/charts/day-bars.ts';
import type { DayBar } from '../../../src/status/views.ts';

const bar = (day: string, level: ServiceState): DayBar => ({
  day,
  start: new Date(`${day}T00:00:00+01:00`),
  uptimePct: level === 'unknown' ? null : 100,
  operationalSeconds: 0,
  downSeconds: 0,
  degradedSeconds: 0,
  maintenanceSeconds: 0,
  noDataSeconds: 0,
  level,
});

describe('stripGeometry', () => {
  it('groups the days of each level into one path, keeping each day at its own place', () => {
    const g = stripGeometry([bar('2026-11-01', 'operational'), bar('2026-11-02', 'down'), bar('2026-11-03', 'operational')], {
      barWidth: 3,
      gap: 1,
      height: 10,
    });
    expect(g.width).toBe(11);
    expect(g.paths).toEqual([
      { level: 'operational', d: 'M0 0h3v10h-3zM8 0h3v10h-3z' },
      { level: 'down', d: 'M4 0h3v10h-3z' },
    ]);
  });

  it('draws nothing for no days', () => {
    expect(stripGeometry([])).toEqual({ width: 0, height: 16, paths: [] });
  });
});
