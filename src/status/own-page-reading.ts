import type { OwnPageReading, UpstreamReading } from '../domain/records.ts';
import type { CheckOutcome } from '../domain/vocabulary.ts';
import { STALE_INTERVALS } from './location-votes.ts';

const STATE_OF: Partial<Record<CheckOutcome, OwnPageReading['state']>> = {
  ok: 'operational',
  upstream_degraded: 'degraded',
  upstream_down: 'down',
  upstream_maintenance: 'maintenance',
};

/**
 * What a service's own status page says, shown beside Vigie's measurement: stale like any reading
 * after the same number of intervals, then unknown. Absent when it was never read.
 */
export function ownPageReading(reading: UpstreamReading | undefined, intervalS: number, now: Date): OwnPageReading | undefined {
  if (!reading) return undefined;
  const stale = now.getTime() - reading.checkedAt.getTime() > STALE_INTERVALS * intervalS * 1000;
  return { state: stale ? 'unknown' : (STATE_OF[reading.outcome] ?? 'unknown'), checkedAt: reading.checkedAt };
}
