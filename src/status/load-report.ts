import { periodsBetween, type ParisPeriod } from '../domain/paris-periods.ts';
import { OBSERVATOIRE_THRESHOLDS } from '../domain/report-thresholds.ts';
import { REPORT_PERIOD_KINDS, type ReportPeriodKind } from '../domain/vocabulary.ts';
import type { ReadContext } from './load.ts';
import { buildReport, type Report } from './report.ts';

/**
 * Reports read monthly rollups only, added up per service by the store: a year is one row per
 * service, so a report costs the same after five years of history as after one.
 */
export async function loadReport(ctx: ReadContext, period: ParisPeriod, now: Date): Promise<Report | null> {
  if (period.start.getTime() > now.getTime()) return null;
  const monthly = await ctx.store.sumRollups({ granularity: 'month', from: period.start, to: period.end });
  return buildReport({
    period,
    now,
    // A service read from its own status page was not measured by Vigie: it has no figure to report.
    catalogue: { ...ctx.catalogue, services: ctx.catalogue.services.filter((s) => s.check?.kind !== 'statuspage') },
    monthly,
    thresholds: ctx.catalogue.reportThresholds ?? OBSERVATOIRE_THRESHOLDS,
  });
}

export interface ReportIndex {
  /** Start of the first month measured; null before any check. */
  measuredSince: Date | null;
  /** Every period from the first measured month to now, newest first, by kind. */
  periods: Record<ReportPeriodKind, ParisPeriod[]>;
}

export async function loadReportIndex(ctx: ReadContext, now: Date): Promise<ReportIndex> {
  const span = await ctx.store.rollupSpan('month');
  const periods = Object.fromEntries(
    REPORT_PERIOD_KINDS.map((kind) => [kind, span ? periodsBetween(kind, span.first, now) : []]),
  ) as Record<ReportPeriodKind, ParisPeriod[]>;
  return { measuredSince: span?.first ?? null, periods };
}
