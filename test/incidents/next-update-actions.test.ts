import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIncident } from '../../src/incidents/create-incident.ts';
import { postUpdate } from '../../src/incidents/post-update.ts';
import { takeOverOutage } from '../../src/incidents/take-over-outage.ts';
import { checkResult, downTracking, outageSeen } from '../support/records.ts';
import type { IncidentContext } from '../../src/incidents/service-context.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { BILINGUAL, incidentContext } from './support/service-fixture.ts';

/** Staff promise their next word with each update, as a Paris time: today, or tomorrow once it has passed. */
describe('the next update staff promise', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let clock: ReturnType<typeof manualClock>;
  let ctx: IncidentContext;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    // 14 h 10 Paris, in summer time.
    clock = manualClock(new Date('2026-06-02T12:10:00Z'));
    ctx = incidentContext(store, clock.now);
  });
  afterEach(() => dispose());

  it.each([
    ['15:30', '2026-06-02T13:30:00.000Z'],
    ['09:00', '2026-06-03T07:00:00.000Z'],
    ['', null],
  ])('"%s" is kept as %s', async (nextUpdate, expected) => {
    const result = await createIncident({ ctx, input: { ...BILINGUAL, nextUpdate } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.updates[0]?.nextUpdateAt?.toISOString() ?? null).toBe(expected);
  });

  it('refuses a time that is not one, and forgets the promise when the incident is resolved', async () => {
    expect(await createIncident({ ctx, input: { ...BILINGUAL, nextUpdate: '25:00' } })).toEqual({
      ok: false,
      errors: { nextUpdate: 'invalid_time' },
    });
    const created = await createIncident({ ctx, input: { ...BILINGUAL, nextUpdate: '15:30' } });
    if (!created.ok) throw new Error('not created');
    const update = { incidentId: created.value.id, bodyFr: 'Suite', bodyEn: 'Next', impacts: { ameli: 'major' } };
    const later = await postUpdate({ ctx, input: { ...update, status: 'identified', nextUpdate: '16:00' } });
    const resolved = await postUpdate({ ctx, input: { ...update, status: 'resolved', nextUpdate: '17:00' } });
    if (!later.ok || !resolved.ok) throw new Error('not posted');
    expect(resolved.value.updates.map((u) => u.nextUpdateAt?.toISOString() ?? null)).toEqual([
      '2026-06-02T13:30:00.000Z',
      '2026-06-02T14:00:00.000Z',
      null,
    ]);
  });

  it('is promised when staff take over an automatic outage too', async () => {
    const { incidentId } = await store.recordCheck({
      result: checkResult({ serviceId: 'ameli', location: 'local', startedAt: clock.now(), outcome: 'http_5xx', httpStatus: 503 }),
      tracking: downTracking('ameli', clock.now(), clock.now(), { latencyMs: 120 }),
      rollups: [],
      event: { type: 'outage_opened', serviceId: 'ameli', startedAt: clock.now(), observed: outageSeen('ameli.fr') },
    });
    const taken = await takeOverOutage({ ctx, input: { ...BILINGUAL, incidentId, nextUpdate: '15:30' } });
    if (!taken.ok) throw new Error(JSON.stringify(taken.errors));
    expect(taken.value.updates.at(-1)?.nextUpdateAt?.toISOString()).toBe('2026-06-02T13:30:00.000Z');
  });
});
