import { z } from 'zod';

/**
 * The timeline's query: `from` (required) and `to` (default: now), ISO 8601 instants with their
 * offset, taken to the minute. A bad value gets a 400 naming the parameter and what to write.
 */

export const TIMELINE_MAX_DAYS = 31;
const DAY_MS = 86_400_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const instant = z
  .string({
    error: (issue) => (issue.input === undefined ? 'is required (an ISO 8601 date and time, such as 2026-03-11T09:00Z)' : undefined),
  })
  .refine((text) => INSTANT.test(text) && !Number.isNaN(Date.parse(text)), {
    message: 'must be an ISO 8601 date and time with its offset, such as 2026-03-11T09:00Z or 2026-03-11T10:00+01:00',
  });

const querySchema = z
  .object({ from: instant, to: instant.optional() })
  .strict()
  .transform((q, ctx) => {
    const from = toMinute(new Date(q.from));
    const to = q.to === undefined ? null : toMinute(new Date(q.to));
    if (to !== null && to.getTime() <= from.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after "from"' });
      return z.NEVER;
    }
    return { from, to };
  });

export type TimelineQuery = { from: Date; to: Date };

function toMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** The range asked for, or the problems to answer with a 400, one per line. */
export function parseTimelineQuery(params: URLSearchParams, now: Date): TimelineQuery | { problems: string[] } {
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of params) {
    if (name in raw) problems.push(`${name}: given twice: give it once`);
    raw[name] = value;
  }
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys')
        problems.push(...issue.keys.map((k) => `${k}: unknown parameter: only "from" and "to" are read`));
      else problems.push(`${issue.path.join('.') || '(query)'}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  const to = parsed.data.to ?? toMinute(now);
  if (to.getTime() <= parsed.data.from.getTime()) return { problems: ['from: must be before now (or before "to")'] };
  if (to.getTime() - parsed.data.from.getTime() > TIMELINE_MAX_DAYS * DAY_MS) {
    return { problems: [`to: at most ${TIMELINE_MAX_DAYS} days after "from": ask for a long period in several parts`] };
  }
  return { from: parsed.data.from, to };
}
