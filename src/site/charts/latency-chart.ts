import type { LatencyPoint } from '../../status/views.ts';

/**
 * Geometry of the response-time chart, as plain numbers and SVG path strings: the component only
 * draws what this returns. Steps without checks break the line (a gap is not a zero).
 */
export interface ChartBox {
  width: number;
  height: number;
  /** Room for the value labels on the left and the time labels below. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

// Narrow enough that labels stay legible when a phone scales the chart down.
export const DEFAULT_BOX: ChartBox = { width: 480, height: 220, left: 78, bottom: 28, top: 10, right: 10 };

export interface LatencyGeometry {
  box: ChartBox;
  /** Top of the value axis, a round number of milliseconds. */
  maxMs: number;
  yTicks: { valueMs: number; y: number }[];
  xTicks: { start: Date; x: number }[];
  p50: string;
  p95: string;
  /** No step has a measurement. */
  empty: boolean;
}

/** `tickEvery`: points between two time labels (a whole number of days keeps labels evenly dated). */
export function latencyGeometry(points: LatencyPoint[], box: ChartBox = DEFAULT_BOX, tickEvery = 6): LatencyGeometry {
  const highest = Math.max(0, ...points.map((p) => p.p95Ms ?? p.p50Ms ?? 0));
  const maxMs = niceCeiling(highest);
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (i: number) => round(box.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW));
  const y = (ms: number) => round(box.top + plotH - (Math.min(ms, maxMs) / maxMs) * plotH);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ valueMs: maxMs * f, y: y(maxMs * f) }));
  const step = Math.max(1, Math.round(tickEvery));
  const xTicks = points.flatMap((p, i) => (i % step === 0 ? [{ start: p.start, x: x(i) }] : []));
  return {
    box,
    maxMs,
    yTicks,
    xTicks,
    p50: linePath(points.map((p, i) => (p.p50Ms === null ? null : [x(i), y(p.p50Ms)]))),
    p95: linePath(points.map((p, i) => (p.p95Ms === null ? null : [x(i), y(p.p95Ms)]))),
    empty: points.every((p) => p.p50Ms === null && p.p95Ms === null),
  };
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `value`; 100 ms for an empty chart. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 100;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * magnitude >= value) return factor * magnitude;
  return 10 * magnitude;
}

/**
 * An SVG path through the points, lifted over gaps. A lone point between gaps becomes a short
 * horizontal tick so it stays visible.
 */
export function linePath(points: ([number, number] | null)[]): string {
  const parts: string[] = [];
  let run: [number, number][] = [];
  const flush = () => {
    const [first, ...rest] = run;
    if (first) {
      parts.push(`M${first[0]} ${first[1]}`);
      if (rest.length === 0) parts.push('h1');
      for (const [px, py] of rest) parts.push(`L${px} ${py}`);
    }
    run = [];
  };
  for (const point of points) {
    if (point) run.push(point);
    else flush();
  }
  flush();
  return parts.join('');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
