import { parsePeriodKey, type ParisPeriod } from '../domain/paris-periods.ts';
import { loadReport } from '../status/load-report.ts';
import type { Report } from '../status/report.ts';
import type { SiteContext } from '../web/context.ts';

/** What a report page renders: the period its address names (null: none) and its report (null: not started). */
export async function reportPageData(ctx: SiteContext, periodKey: string): Promise<{ period: ParisPeriod | null; report: Report | null }> {
  const period = parsePeriodKey(periodKey);
  return { period, report: period ? await loadReport(ctx, period, new Date()) : null };
}
