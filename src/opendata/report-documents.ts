import type { Catalogue } from '../config/services-schema.ts';
import { isoParis } from '../domain/paris-time.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { Report, ReportFigures } from '../status/report.ts';

/**
 * A report as data: one JSON document, and one CSV table (a row per service, per category and
 * for all services). Figures are numbers with a dot and no unit, grades their codes
 * (`good`, `partial`, `weak`); names are in the page's language.
 */
const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function figuresData(f: ReportFigures) {
  return {
    availabilityPercent: round(f.availabilityPercent, 4),
    availabilityGrade: f.availabilityGrade,
    medianResponseMs: round(f.medianMs, 0),
    responseGrade: f.responseGrade,
    measured: f.measured,
    measuredSeconds: Math.round(f.measuredSeconds),
    expectedSeconds: Math.round(f.expectedSeconds),
    downSeconds: Math.round(f.downSeconds),
    plannedSeconds: Math.round(f.plannedSeconds),
    checks: f.checks,
  };
}

export function reportJson(report: Report, catalogue: Pick<Catalogue, 'services' | 'categories'>, locale: Locale): string {
  const serviceName = new Map(catalogue.services.map((s) => [s.id, s.name[locale]]));
  const categoryName = new Map(catalogue.categories.map((c) => [c.id, c.name[locale]]));
  return `${JSON.stringify(
    {
      period: { key: report.period.key, kind: report.period.kind, start: isoParis(report.period.start), end: isoParis(report.period.end) },
      complete: report.complete,
      generatedAt: isoParis(report.generatedAt),
      elapsedSeconds: Math.round(report.elapsedSeconds),
      thresholds: report.thresholds,
      overall: figuresData(report.overall),
      categories: report.categories.map((c) => ({
        id: c.categoryId,
        name: categoryName.get(c.categoryId) ?? c.categoryId,
        services: c.services,
        ...figuresData(c.figures),
      })),
      services: report.services.map((s) => ({
        id: s.serviceId,
        name: serviceName.get(s.serviceId) ?? s.serviceId,
        category: s.categoryId,
        ...figuresData(s.figures),
      })),
    },
    null,
    2,
  )}\n`;
}

const COLUMNS = [
  'period',
  'level',
  'id',
  'name',
  'category',
  'availability_percent',
  'availability_grade',
  'median_response_ms',
  'response_grade',
  'measured',
  'measured_seconds',
  'expected_seconds',
  'down_seconds',
  'planned_seconds',
  'checks',
  'complete',
] as const;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: Report, catalogue: Pick<Catalogue, 'services' | 'categories'>, locale: Locale): string {
  const serviceName = new Map(catalogue.services.map((s) => [s.id, s.name[locale]]));
  const categoryName = new Map(catalogue.categories.map((c) => [c.id, c.name[locale]]));
  const row = (level: string, id: string, name: string, category: string, f: ReportFigures) => {
    const d = figuresData(f);
    return [
      report.period.key,
      level,
      id,
      name,
      category,
      d.availabilityPercent,
      d.availabilityGrade,
      d.medianResponseMs,
      d.responseGrade,
      d.measured,
      d.measuredSeconds,
      d.expectedSeconds,
      d.downSeconds,
      d.plannedSeconds,
      d.checks,
      report.complete,
    ];
  };
  const rows = [
    row('all', '', '', '', report.overall),
    ...report.categories.map((c) => row('category', c.categoryId, categoryName.get(c.categoryId) ?? c.categoryId, c.categoryId, c.figures)),
    ...report.services.map((s) => row('service', s.serviceId, serviceName.get(s.serviceId) ?? s.serviceId, s.categoryId, s.figures)),
  ];
  return [COLUMNS as readonly (string | number | boolean | null)[], ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
