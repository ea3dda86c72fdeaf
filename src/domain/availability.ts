import type { Alternative } from './guidance.ts';
import { addParisDays, parisDayMinute, parisDayMinuteToInstant } from './paris-time.ts';
import { hoursStatus, rangesOn, type ServiceHours } from './service-hours.ts';

/**
 * Whether an alternative (a phone line, a counter) answers now, and until when: what a citizen
 * reads next to a failing service (« ouvert jusqu'à 18 h »). Paris wall-clock hours, so the
 * instants follow the clock changes.
 */

export type Availability = { open: true; until: Date | null } | { open: false; opensAt: Date | null };

/** A week and a day: an opening that runs on past that is as good as "no closing ahead". */
const LOOKAHEAD_DAYS = 8;

/** Open with the instant it closes (null: always open, or no closing within a week), or closed with its next opening. */
export function availabilityAt(hours: ServiceHours | null, at: Date): Availability {
  const status = hoursStatus(hours, at);
  if (!status.open) return status;
  if (!hours) return { open: true, until: null };
  return { open: true, until: closingAfter(hours, at) };
}

function closingAfter(hours: ServiceHours, at: Date): Date | null {
  const { key: today, minute } = parisDayMinute(at);
  let key = today;
  let end = rangesOn(hours, key).find((r) => r.from <= minute && minute < r.to)?.to;
  if (end === undefined) return null;
  // A range to 24:00 followed by one from 00:00 is one opening across midnight.
  for (let day = 0; end === 1440 && day < LOOKAHEAD_DAYS; day++) {
    key = addParisDays(key, 1);
    const next = rangesOn(hours, key).find((r) => r.from === 0);
    if (!next) return parisDayMinuteToInstant(key, 0);
    end = next.to;
  }
  if (end === 1440) return null;
  const closing = parisDayMinuteToInstant(key, end);
  // During the hour the autumn change repeats, the closing is the repeat's, an hour after the first.
  return closing.getTime() > at.getTime() ? closing : new Date(closing.getTime() + 3_600_000);
}

/** The first alternative, in the catalogue's order, that is open now: the one a phone row has room for. */
export function firstOpenAlternative(
  alternatives: readonly Alternative[],
  at: Date,
): { alternative: Alternative; until: Date | null } | null {
  for (const alternative of alternatives) {
    const availability = availabilityAt(alternative.hours, at);
    if (availability.open) return { alternative, until: availability.until };
  }
  return null;
}
