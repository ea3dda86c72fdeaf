import type { PublishedState } from '../../domain/vocabulary.ts';
import type { DayBar } from '../../status/views.ts';

/**
 * The compact 90-day strip of the overview. Each run of days at the same level is one horizontal
 * segment drawn with a thick dashed stroke (one dash per day), so forty services stay light on a
 * phone. Runs span whole day pitches, so the dash pattern stays aligned on every day.
 */
export interface StripGeometry {
  width: number;
  height: number;
  /** Day pitch: a dash of `barWidth` then a gap of `gap`. */
  dash: [number, number];
  paths: { level: PublishedState; d: string }[];
}

export function stripGeometry(bars: DayBar[], options: { barWidth?: number; gap?: number; height?: number } = {}): StripGeometry {
  const barWidth = options.barWidth ?? 3;
  const gap = options.gap ?? 1;
  const height = options.height ?? 16;
  const pitch = barWidth + gap;
  const byLevel = new Map<PublishedState, string[]>();
  let runStart = 0;
  bars.forEach((bar, i) => {
    const next = bars[i + 1];
    if (next && next.level === bar.level) return;
    const segments = byLevel.get(bar.level) ?? [];
    segments.push(`M${runStart * pitch} ${height / 2}h${(i + 1 - runStart) * pitch}`);
    byLevel.set(bar.level, segments);
    runStart = i + 1;
  });
  return {
    width: Math.max(0, bars.length * pitch - gap),
    height,
    dash: [barWidth, gap],
    paths: [...byLevel].map(([level, segments]) => ({ level, d: segments.join('') })),
  };
}
