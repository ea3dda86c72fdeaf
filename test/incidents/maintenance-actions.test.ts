import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awaitingTranslation } from '../../src/incidents/awaiting-translation.ts';
import { cancelMaintenance } from '../../src/incidents/cancel-maintenance.ts';
import { editMaintenance } from '../../src/incidents/edit-maintenance.ts';
import { scheduleMaintenance } from '../../src/incidents/schedule-maintenance.ts';
import type { IncidentContext } from '../../src/incidents/service-context.ts';
import type { Store } from '../../src/store/store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { incidentContext } from './support/service-fixture.ts';

const WINDOW = {
  titleFr: 'Mise à jour',
  titleEn: 'Upgrade',
  bodyFr: 'Service indisponible pendant la mise à jour.',
  bodyEn: 'Unavailable during the upgrade.',
  services: ['ameli'],
  startDate: '2026-03-10',
  startTime: '22:00',
  endDate: '2026-03-11',
  endTime: '02:00',
};

describe('maintenance actions', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let clock: ReturnType<typeof manualClock>;
  let ctx: IncidentContext;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    clock = manualClock(new Date('2026-03-02T09:00:00Z'));
    ctx = incidentContext(store, clock.now);
  });
  afterEach(() => dispose());

  it('schedules a window typed in Paris time and stores it in UTC', async () => {
    const result = await scheduleMaintenance({ ctx, input: WINDOW });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.startsAt.toISOString()).toBe('2026-03-10T21:00:00.000Z');
    expect(result.value.endsAt.toISOString()).toBe('2026-03-11T01:00:00.000Z');
    expect(result.value.serviceIds).toEqual(['ameli']);
    expect((await store.listAudit({ limit: 1 })).items[0]).toMatchObject({
      action: 'maintenance.scheduled',
      target: result.value.id,
      actor: 'agent@example.gouv.fr',
    });
  });

  it.each([
    [{ ...WINDOW, services: [] }, { services: 'no_service' }],
    [{ ...WINDOW, services: ['nope'] }, { services: 'unknown_service' }],
    [{ ...WINDOW, startTime: '25:00' }, { startDate: 'invalid_time' }],
    [{ ...WINDOW, endDate: '2026-03-10', endTime: '21:00' }, { endDate: 'window_order' }],
    [{ ...WINDOW, startDate: '2026-02-01', endDate: '2026-02-02' }, { endDate: 'window_ended' }],
    [{ ...WINDOW, endDate: '2026-05-01' }, { endDate: 'window_too_long' }],
    [{ ...WINDOW, bodyEn: '' }, { bodyEn: 'required_en' }],
  ])('refuses %j', async (input, errors) => {
    expect(await scheduleMaintenance({ ctx, input })).toEqual({ ok: false, errors });
  });

  it('is translated later through an edit, then cancelled once', async () => {
    const result = await scheduleMaintenance({ ctx, input: { ...WINDOW, titleEn: '', bodyEn: '', translationLater: 'on' } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(awaitingTranslation([], [result.value])).toHaveLength(1);
    const edited = await editMaintenance({ ctx, input: { ...WINDOW, maintenanceId: result.value.id } });
    if (!edited.ok) throw new Error(JSON.stringify(edited.errors));
    expect(edited.value.title).toEqual({ fr: 'Mise à jour', en: 'Upgrade' });
    expect(awaitingTranslation([], [edited.value])).toEqual([]);

    const cancelled = await cancelMaintenance({ ctx, input: { maintenanceId: result.value.id } });
    expect(cancelled.ok && cancelled.value.cancelledAt).toEqual(clock.now());
    expect(await cancelMaintenance({ ctx, input: { maintenanceId: result.value.id } })).toEqual({
      ok: false,
      errors: { _form: 'already_cancelled' },
    });
  });

  it('keeps an ended window as history', async () => {
    const result = await scheduleMaintenance({ ctx, input: WINDOW });
    if (!result.ok) throw new Error('schedule');
    clock.set(new Date('2026-03-12T00:00:00Z'));
    expect(await cancelMaintenance({ ctx, input: { maintenanceId: result.value.id } })).toEqual({
      ok: false,
      errors: { _form: 'already_ended' },
    });
    expect(await cancelMaintenance({ ctx, input: { maintenanceId: 'nope' } })).toEqual({ ok: false, errors: { _form: 'not_found' } });
  });
});
