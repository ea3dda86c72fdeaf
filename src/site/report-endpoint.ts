import type { APIContext, APIRoute } from 'astro';
import { parsePeriodKey } from '../domain/paris-periods.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';
import { reportCsv, reportJson } from '../opendata/report-documents.ts';
import { loadReport } from '../status/load-report.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' } as const;

/** A report as CSV or JSON, from the same read as its page. */
export function reportEndpoint(locale: Locale, format: 'csv' | 'json'): { GET: APIRoute; HEAD: APIRoute } {
  const GET: APIRoute = async ({ locals, params }: APIContext) => {
    const period = parsePeriodKey(String(params.period ?? ''));
    const report = period ? await loadReport(locals.ctx, period, new Date()) : null;
    if (!report) {
      return new Response(t(locale).notFound.body, {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      });
    }
    const body = format === 'csv' ? reportCsv(report, locals.ctx.catalogue, locale) : reportJson(report, locals.ctx.catalogue, locale);
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `inline; filename="vigie-${report.period.key}.${format}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
  return { GET, HEAD: GET };
}
