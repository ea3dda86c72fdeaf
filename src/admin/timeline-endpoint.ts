import type { APIContext, APIRoute } from 'astro';
import { adminServices } from './admin-services.ts';
import { SESSION_COOKIE } from '../domain/staff-session.ts';
import { AUDIT_ACTIONS } from '../domain/vocabulary.ts';
import { timelineCsv, timelineJson } from '../opendata/timeline-documents.ts';
import { parseTimelineQuery } from '../opendata/timeline-query.ts';
import { withTimelineWords } from '../opendata/timeline-words.ts';
import { serviceNames } from '../status/service-names.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' } as const;

/** Rows of each kind one export may hold; past it the range must be split (never a silent cut). */
export const TIMELINE_MAX_ROWS = 50_000;

/** Staff actions about what the public is told; account and sign-in rows name people and stay out. */
export const TIMELINE_STAFF_ACTIONS = AUDIT_ACTIONS.filter(
  (a) => a.startsWith('incident.') || a.startsWith('maintenance.') || a.startsWith('template.'),
);

const text = (status: number, body: string, extra: Record<string, string> = {}) =>
  new Response(`${body}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extra },
  });

/**
 * `GET /data/timeline.csv|json?from=…&to=…`: state changes per location, incident updates and,
 * for signed-in staff, staff actions. With `VIGIE_TIMELINE=staff` the whole export is staff-only.
 */
export function timelineEndpoint(format: 'csv' | 'json'): { GET: APIRoute; HEAD: APIRoute } {
  const GET: APIRoute = async ({ locals, url, cookies }: APIContext) => {
    const { ctx } = locals;
    const resumed = await adminServices(ctx).sessions.resume(cookies.get(SESSION_COOKIE)?.value);
    const staff = resumed !== null;
    if (ctx.settings.VIGIE_TIMELINE === 'staff' && !staff)
      return text(401, 'The timeline is for signed-in staff on this site: sign in at /admin/login first.');
    const query = parseTimelineQuery(url.searchParams, new Date());
    if ('problems' in query) return text(400, ['Cannot build the timeline:', ...query.problems.map((p) => `  ${p}`)].join('\n'));
    const rows = await ctx.store.readTimeline({
      ...query,
      limit: TIMELINE_MAX_ROWS + 1,
      staffActions: staff ? TIMELINE_STAFF_ACTIONS : [],
    });
    if (Math.max(rows.stateChanges.length, rows.updates.length, rows.staffActions.length) > TIMELINE_MAX_ROWS) {
      return text(
        400,
        `Cannot build the timeline: more than ${TIMELINE_MAX_ROWS} events of one kind in this range: ask for a shorter one.`,
      );
    }
    const shown = withTimelineWords(rows, serviceNames(ctx.catalogue));
    const body = format === 'csv' ? timelineCsv(shown) : timelineJson(shown, query);
    const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '');
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `inline; filename="vigie-timeline-${stamp(query.from)}-${stamp(query.to)}.${format}"`,
        'X-Content-Type-Options': 'nosniff',
        // What staff may see differs from the public's: no shared cache may keep it.
        'Cache-Control': staff ? 'no-store' : 'public, max-age=60',
        Vary: 'Cookie',
      },
    });
  };
  return { GET, HEAD: GET };
}
