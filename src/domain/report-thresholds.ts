import type { ReportGrade } from './vocabulary.ts';

/**
 * Where a report's figures change grade. The defaults are the thresholds the Observatoire de la
 * qualité des démarches en ligne publishes for the State's essential procedures: availability
 * under 99 % is partial and under 98.5 % weak; a response over 400 ms partial and over 800 ms weak.
 * An operator may set others in the catalogue (`reports.thresholds`).
 */
export interface ReportThresholds {
  /** Percentages: below `partial` is partial, below `weak` is weak. */
  availability: { partial: number; weak: number };
  /** Median response time in ms: above `partial` is partial, above `weak` is weak. */
  responseMs: { partial: number; weak: number };
}

export const OBSERVATOIRE_THRESHOLDS: ReportThresholds = {
  availability: { partial: 99, weak: 98.5 },
  responseMs: { partial: 400, weak: 800 },
};

export function availabilityGrade(percent: number, thresholds: ReportThresholds): ReportGrade {
  if (percent < thresholds.availability.weak) return 'weak';
  return percent < thresholds.availability.partial ? 'partial' : 'good';
}

export function responseGrade(ms: number, thresholds: ReportThresholds): ReportGrade {
  if (ms > thresholds.responseMs.weak) return 'weak';
  return ms > thresholds.responseMs.partial ? 'partial' : 'good';
}
