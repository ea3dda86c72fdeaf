import { z } from 'zod';
import { parseOpeningRange, type OpeningRange, type ServiceHours } from '../domain/service-hours.ts';
import { WEEKDAYS, type Weekday } from '../domain/vocabulary.ts';

/** `hours` of a service in `services.json`: weekly opening times and dated exceptions, Paris time. */

const openingRange = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
    'must look like "08:30-18:00" (Paris time; "24:00" may end a range)',
  )
  .refine((text) => {
    const range = parseOpeningRange(text);
    return range === null || range.from < range.to;
  }, 'must end after it starts (split a range over midnight into two days)');

const dayRanges = z.array(openingRange).superRefine((texts, ctx) => {
  const ranges = texts.map(parseOpeningRange).map((r, i) => ({ r, i }));
  const sorted = ranges.filter((x): x is { r: OpeningRange; i: number } => x.r !== null).sort((a, b) => a.r.from - b.r.from);
  for (let k = 1; k < sorted.length; k++) {
    const previous = sorted[k - 1];
    const current = sorted[k];
    if (previous && current && current.r.from < previous.r.to) {
      ctx.addIssue({ code: 'custom', path: [current.i], message: `overlaps "${texts[previous.i]}"` });
    }
  }
});

const parisDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like "2026-12-25"')
  .refine((key) => new Date(`${key}T00:00:00Z`).toISOString().startsWith(key), 'must be a real calendar date');

const weekly = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, dayRanges.optional()])) as Record<Weekday, z.ZodOptional<typeof dayRanges>>)
  .strict()
  .refine((days) => Object.values(days).some((list) => list && list.length > 0), 'must open at least once a week');

export const hoursSchema = z
  .object({
    weekly,
    exceptions: z.record(parisDate, dayRanges).optional(),
  })
  .strict();

export type HoursFile = z.infer<typeof hoursSchema>;

const toRanges = (texts: string[] | undefined): OpeningRange[] =>
  (texts ?? []).map(parseOpeningRange).filter((r): r is OpeningRange => r !== null);

/** The validated text as minutes; a weekday left out is closed all day. */
export function resolveHours(file: HoursFile): ServiceHours {
  return {
    weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, toRanges(file.weekly[day])])) as Record<Weekday, OpeningRange[]>,
    exceptions: Object.fromEntries(Object.entries(file.exceptions ?? {}).map(([key, texts]) => [key, toRanges(texts)])),
  };
}
