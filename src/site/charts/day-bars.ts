import type { ServiceState } from '../../domain/vocabulary.ts';
import type { DayBar } from '../../status/views.ts';

/**
 * The compact 90-day strip of the overview, drawn as one SVG path per level (not one element per
 * day) so forty services stay light on a phone.
 */
export interface StripGeometry {
  width: number;
  height: number;
  paths: { level: ServiceState; d: string }[];
}

export function stripGeometry(bars: DayBar[], options: { barWidth?: number; gap?: number; height?: number } = {}): StripGeometry {
  const barWidth = options.barWidth ?? 3;
  const gap = options.gap ?? 1;
  const height = options.height ?? 16;
  const byLevel = new Map<ServiceState, string[]>();
  bars.forEach((bar, i) => {
    const rects = byLevel.get(bar.level) ?? [];
    rects.push(`M${i * (barWidth + gap)} 0h${barWidth}v${height}h-${barWidth}z`);
    byLevel.set(bar.level, rects);
  });
  return {
    width: Math.max(0, bars.length * (barWidth + gap) - gap),
    height,
    paths: [...byLevel].map(([level, rects]) => ({ level, d: rects.join('') })),
  };
}
