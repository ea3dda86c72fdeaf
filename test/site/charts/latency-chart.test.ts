import { describe, expect, it } from 'vitest';
import { latencyGeometry, linePath, niceCeiling, type ChartBox } from '../../../src/site/charts/latency-chart.ts';
import type { LatencyPoint } from '../../../src/status/views.ts';

const box: ChartBox = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };
const point = (i: number, p50: number | null, p95: number | null): LatencyPoint => ({
  start: new Date(Date.UTC(2026, 10, 24, i)),
  checks: p50 === null ? 0 : 60,
  p50Ms: p50,
  p95Ms: p95,
  maxMs: p95,
});

describe('niceCeiling', () => {
  it.each([
    [0, 100],
    [-5, 100],
    [1, 1],
    [180, 200],
    [200, 200],
    [201, 250],
    [260, 500],
    [501, 1000],
    [7400, 10_000],
  ])('%s → %s', (value, expected) => expect(niceCeiling(value)).toBe(expected));
});

describe('linePath', () => {
  it('draws one run as move then lines', () => {
    expect(
      linePath([
        [0, 1],
        [2, 3],
        [4, 5],
      ]),
    ).toBe('M0 1L2 3L4 5');
  });
  it('lifts the pen over gaps instead of drawing to zero', () => {
    expect(linePath([[0, 1], null, [4, 5], [6, 7]])).toBe('M0 1h1M4 5L6 7');
  });
  it('is empty with no point', () => {
    expect(linePath([null, null])).toBe('');
  });
});

describe('latencyGeometry', () => {
  it('scales values into the plot area with 0 at the bottom and the nice top at the top', () => {
    const g = latencyGeometry([point(0, 100, 200), point(1, 50, 100)], box);
    expect(g.maxMs).toBe(200);
    expect(g.yTicks[0]).toEqual({ valueMs: 0, y: 50 });
    expect(g.yTicks.at(-1)).toEqual({ valueMs: 200, y: 0 });
    expect(g.p95).toBe('M10 0L110 25');
    expect(g.p50).toBe('M10 25L110 37.5');
    expect(g.empty).toBe(false);
  });

  it('marks a chart without measurements as empty and keeps a sane axis', () => {
    const g = latencyGeometry([point(0, null, null), point(1, null, null)], box);
    expect(g.empty).toBe(true);
    expect(g.maxMs).toBe(100);
    expect(g.p50).toBe('');
  });

  it('puts a time label every `tickEvery` steps from the first', () => {
    const points = Array.from({ length: 24 }, (_, i) => point(i, 10, 20));
    const g = latencyGeometry(points, box, 6);
    expect(g.xTicks.map((t) => t.start.getUTCHours())).toEqual([0, 6, 12, 18]);
    expect(g.xTicks[0]?.x).toBe(10);
  });

  it('centres a single point', () => {
    expect(latencyGeometry([point(0, 10, 20)], box).p50).toBe('M60 25h1');
  });
});
