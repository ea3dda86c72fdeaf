import type { Catalogue } from '../config/services-schema.ts';
import type { ParisPeriod } from '../domain/paris-periods.ts';
import type { Rollup } from '../domain/records.ts';
import { availabilityGrade, responseGrade, type ReportThresholds } from '../domain/report-thresholds.ts';
import { mergeRollups, percentile, type RollupTotals } from '../domain/rollup.ts';
import type { ReportGrade } from '../domain/vocabulary.ts';

/**
 * Availability reports over a Paris month, quarter or year, from monthly rollups only: a report
 * costs the same whatever the history's length. Availability is the verdict's up time (operational
 * or degraded) over the time it said up or down; planned time (maintenance windows and closed
 * hours, which the probe counts as maintenance) is left out of both, and time without a verdict
 * (no data, probe network in doubt) is measured as nothing. A figure always comes with how much
 * of the period was measured, and there is none for a period not measured at all.
 */

/** Share of the time expected to be measured below which a figure says how long was measured. */
export const FULLY_MEASURED = 0.99;

export type MeasuredShare = 'none' | 'partial' | 'full';

export interface ReportFigures {
  /** Seconds the verdict said up (operational or degraded). */
  upSeconds: number;
  downSeconds: number;
  /** Up + down: the time the figure stands on. */
  measuredSeconds: number;
  /** Maintenance windows and closed hours, left out. */
  plannedSeconds: number;
  /** The period so far, less its planned time: what could have been measured. */
  expectedSeconds: number;
  measured: MeasuredShare;
  /** Null when nothing was measured. */
  availabilityPercent: number | null;
  /** Median response time (ms) of the checks that got an answer; null without any. */
  medianMs: number | null;
  availabilityGrade: ReportGrade | null;
  responseGrade: ReportGrade | null;
  checks: number;
}

export interface ServiceReport {
  serviceId: string;
  categoryId: string;
  figures: ReportFigures;
}

export interface CategoryReport {
  categoryId: string;
  /** Services of the category in the catalogue. */
  services: number;
  figures: ReportFigures;
}

export interface Report {
  period: ParisPeriod;
  /** False while the period runs: its figures are "so far". */
  complete: boolean;
  /** Seconds of the period elapsed at `generatedAt` (all of it once complete). */
  elapsedSeconds: number;
  generatedAt: Date;
  thresholds: ReportThresholds;
  services: ServiceReport[];
  categories: CategoryReport[];
  overall: ReportFigures;
}

export function reportFigures(totals: RollupTotals, elapsedSeconds: number, thresholds: ReportThresholds): ReportFigures {
  const upSeconds = totals.seconds.operational + totals.seconds.degraded;
  const downSeconds = totals.seconds.down;
  const measuredSeconds = upSeconds + downSeconds;
  const plannedSeconds = totals.seconds.maintenance;
  const expectedSeconds = Math.max(0, elapsedSeconds - plannedSeconds);
  const availabilityPercent = measuredSeconds > 0 ? (upSeconds / measuredSeconds) * 100 : null;
  const medianMs = percentile(totals.latencyHistogram, 0.5, totals.latencyMaxMs);
  return {
    upSeconds,
    downSeconds,
    measuredSeconds,
    plannedSeconds,
    expectedSeconds,
    measured: measuredShare(measuredSeconds, expectedSeconds),
    availabilityPercent,
    medianMs,
    availabilityGrade: availabilityPercent === null ? null : availabilityGrade(availabilityPercent, thresholds),
    responseGrade: medianMs === null ? null : responseGrade(medianMs, thresholds),
    checks: totals.checks,
  };
}

function measuredShare(measured: number, expected: number): MeasuredShare {
  if (measured <= 0) return 'none';
  return expected > 0 && measured / expected >= FULLY_MEASURED ? 'full' : 'partial';
}

/** The report of one period at `now` from the monthly rollups of its months, or their sums per service (other rows are ignored). */
export function buildReport(input: {
  period: ParisPeriod;
  now: Date;
  catalogue: Pick<Catalogue, 'services' | 'categories'>;
  monthly: readonly Rollup[];
  thresholds: ReportThresholds;
}): Report {
  const { period, now, thresholds } = input;
  const start = period.start.getTime();
  const end = period.end.getTime();
  const elapsedSeconds = Math.max(0, (Math.min(end, now.getTime()) - start) / 1000);
  const byService = new Map<string, Rollup[]>();
  for (const rollup of input.monthly) {
    const at = rollup.bucketStart.getTime();
    if (rollup.granularity !== 'month' || at < start || at >= end) continue;
    const list = byService.get(rollup.serviceId);
    if (list) list.push(rollup);
    else byService.set(rollup.serviceId, [rollup]);
  }
  const totals = new Map(input.catalogue.services.map((s) => [s.id, mergeRollups(byService.get(s.id) ?? [])]));
  const services = input.catalogue.services.map((s) => ({
    serviceId: s.id,
    categoryId: s.category,
    figures: reportFigures(totals.get(s.id)!, elapsedSeconds, thresholds),
  }));
  const categories = input.catalogue.categories.map((c) => {
    const members = input.catalogue.services.filter((s) => s.category === c.id);
    return {
      categoryId: c.id,
      services: members.length,
      figures: groupFigures(
        members.map((s) => totals.get(s.id)!),
        elapsedSeconds,
        thresholds,
      ),
    };
  });
  return {
    period,
    complete: now.getTime() >= end,
    elapsedSeconds,
    generatedAt: now,
    thresholds,
    services,
    categories,
    overall: groupFigures([...totals.values()], elapsedSeconds, thresholds),
  };
}

/**
 * A group's figures weigh each service by the time it was measured; what could have been measured
 * is every service's period, so one unmeasured service shows as a partly measured group.
 */
function groupFigures(members: RollupTotals[], elapsedSeconds: number, thresholds: ReportThresholds): ReportFigures {
  return reportFigures(mergeRollups(members), elapsedSeconds * members.length, thresholds);
}
