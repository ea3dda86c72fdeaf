import { describe, expect, it } from 'vitest';
import { isDeadlineThreatened, threatenedDeadlines } from '../../src/domain/deadline-threat.ts';
import type { PublishedState } from '../../src/domain/vocabulary.ts';

const NOW = new Date('2027-05-20T10:00:00Z');
const SINCE = new Date('2027-05-19T22:00:00Z');
const day = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe('deadline threatened', () => {
  it.each<[string, PublishedState, Date | null, Date, boolean]>([
    ['down, due in 2 days', 'down', SINCE, at(2 * day), true],
    ['partial outage, due in 7 days exactly', 'partial', SINCE, at(7 * day), true],
    ['degraded, due in an hour', 'degraded', SINCE, at(3_600_000), true],
    ['down, due in 7 days and a minute', 'down', SINCE, at(7 * day + 60_000), false],
    ['down, passed an hour ago, during the outage', 'down', SINCE, at(-3_600_000), true],
    ['down, passed before the outage began', 'down', SINCE, new Date('2027-05-19T21:00:00Z'), false],
    ['down since unknown, passed an hour ago', 'down', null, at(-3_600_000), false],
    ['operational, due tomorrow', 'operational', null, at(day), false],
    ['maintenance, due tomorrow', 'maintenance', SINCE, at(day), false],
    ['closed as planned, due tomorrow', 'closed', SINCE, at(day), false],
    ['unknown, due tomorrow', 'unknown', SINCE, at(day), false],
  ])('%s', (_, state, since, deadline, expected) => {
    expect(isDeadlineThreatened(deadline, { state, since }, NOW)).toBe(expected);
  });

  it('keeps the threatened ones, in their order', () => {
    const list = [
      { id: 'a', at: at(10 * day) },
      { id: 'b', at: at(2 * day) },
      { id: 'c', at: at(day) },
    ];
    expect(threatenedDeadlines(list, { state: 'down', since: SINCE }, NOW).map((d) => d.id)).toEqual(['b', 'c']);
  });
});
