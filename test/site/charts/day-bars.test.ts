import { describe, expect, it } from 'vitest';
import type { ServiceState } from '../../../src/domain/vocabulary.ts';
import { stripGeometry } from '../../../src/site/charts/day-bars.ts';
import type { DayBar } from '../../../src/status/views.ts';

const bar = (level: ServiceState): DayBar => ({
  day: '2026-11-01',
  start: new Date('2026-11-01T00:00:00+01:00'),
  uptimePct: level === 'unknown' ? null : 100,
  operationalSeconds: 0,
  downSeconds: 0,
  degradedSeconds: 0,
  maintenanceSeconds: 0,
  noDataSeconds: 0,
  level,
});

describe('stripGeometry', () => {
  it('draws each run of same-level days as one segment of whole day pitches, at its own place', () => {
    const g = stripGeometry([bar('operational'), bar('operational'), bar('down'), bar('operational')], {
      barWidth: 3,
      gap: 1,
      height: 10,
    });
    expect(g.width).toBe(15);
    expect(g.dash).toEqual([3, 1]);
    expect(g.paths).toEqual([
      { level: 'operational', d: 'M0 5h8M12 5h4' },
      { level: 'down', d: 'M8 5h4' },
    ]);
  });

  it('makes one segment for ninety identical days', () => {
    const g = stripGeometry(Array.from({ length: 90 }, () => bar('unknown')));
    expect(g.paths).toEqual([{ level: 'unknown', d: 'M0 8h360' }]);
    expect(g.width).toBe(359);
  });

  it('draws nothing for no days', () => {
    expect(stripGeometry([]).paths).toEqual([]);
  });
});
