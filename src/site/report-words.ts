import type { ParisPeriod } from '../domain/paris-periods.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDate, formatDuration, formatMonth, formatMs, formatPercent } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import type { ReportFigures } from '../status/report.ts';

/** The cells of a report table, in words: every figure with what it stands on, none without a measure. */

export function periodName(period: ParisPeriod, locale: Locale): string {
  const words = t(locale).proof.reports;
  if (period.kind === 'month') return formatMonth(period.start, locale);
  return period.kind === 'quarter' ? words.quarter(period.index, period.year) : words.year(period.year);
}

/** « Du 1er mars 2026 au 31 mars 2026 inclus », or, while it runs, up to now. */
export function periodSpan(period: ParisPeriod, now: Date, locale: Locale): string {
  const words = t(locale).proof.reports;
  const from = formatDate(period.start, locale);
  if (now.getTime() >= period.end.getTime()) return words.complete(from, formatDate(new Date(period.end.getTime() - 1), locale));
  return words.soFar(from, formatDate(now, locale));
}

export function availabilityText(f: ReportFigures, locale: Locale): string {
  return f.availabilityPercent === null ? t(locale).proof.reports.notMeasured : formatPercent(f.availabilityPercent, locale, 2);
}

export function responseText(f: ReportFigures, locale: Locale): string {
  if (f.measured === 'none') return t(locale).proof.reports.notMeasured;
  return f.medianMs === null ? t(locale).proof.reports.noResponse : formatMs(f.medianMs, locale);
}

/** « Toute la période », « 12 jours 4 h sur 31 jours », « Non mesuré ». */
export function measuredText(f: ReportFigures, locale: Locale): string {
  const words = t(locale).proof.reports;
  if (f.measured === 'none') return words.notMeasured;
  if (f.measured === 'full') return words.wholePeriod;
  return words.measuredOf(formatDuration(f.measuredSeconds, locale), formatDuration(f.expectedSeconds, locale));
}

export function plannedText(f: ReportFigures, locale: Locale): string {
  return f.plannedSeconds < 60 ? t(locale).proof.reports.nonePlanned : formatDuration(f.plannedSeconds, locale);
}
