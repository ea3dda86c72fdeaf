import { describe, expect, it } from 'vitest';
import { NEXT_UPDATE_DELAYS } from '../../src/domain/next-update.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { nextUpdateView } from '../../src/status/next-update-view.ts';
import { incidentView } from '../../src/status/incident-view.ts';
import { incident, NOW, update } from './fixtures.ts';

const MIN = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);
const withUpdate = (overrides: Partial<Incident>, minutesAgo: number, nextUpdateAt: Date | null): Incident =>
  incident('i', {
    ...overrides,
    updates: [{ ...update('u', 'i', 'investigating', at(-minutesAgo), { fr: 'x', en: 'x' }), nextUpdateAt }],
  });

describe('the next update of an incident, as the site shows it', () => {
  it.each<[string, Incident, { due: Date; late: boolean } | null]>([
    ['promised in 20 min', withUpdate({ affected: [{ serviceId: 'a', impact: 'partial' }] }, 10, at(20)), { due: at(20), late: false }],
    ['promised 5 min ago', withUpdate({ affected: [{ serviceId: 'a', impact: 'partial' }] }, 60, at(-5)), { due: at(-5), late: true }],
    [
      'partial outage, nothing promised: 2 h after',
      withUpdate({ affected: [{ serviceId: 'a', impact: 'partial' }] }, 30, null),
      { due: at(90), late: false },
    ],
    ['automatic outage: major, 1 h after', withUpdate({ kind: 'auto', serviceId: 'a' }, 75, null), { due: at(-15), late: true }],
    [
      'degraded and major: the worst decides',
      withUpdate(
        {
          affected: [
            { serviceId: 'a', impact: 'degraded' },
            { serviceId: 'b', impact: 'major' },
          ],
        },
        0,
        null,
      ),
      { due: at(60), late: false },
    ],
    ['no service named, nothing promised', withUpdate({}, 0, null), null],
    ['resolved', withUpdate({ status: 'resolved', affected: [{ serviceId: 'a', impact: 'major' }] }, 600, at(-500)), null],
  ])('%s', (_, subject, expected) => {
    const view = incidentView(subject, { locale: 'fr', names: new Map(), now: NOW });
    expect(nextUpdateView(view, NEXT_UPDATE_DELAYS, NOW)).toEqual(expected);
  });
});
