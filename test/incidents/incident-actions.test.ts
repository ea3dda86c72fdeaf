import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awaitingTranslation } from '../../src/incidents/awaiting-translation.ts';
import { createIncident } from '../../src/incidents/create-incident.ts';
import { editUpdate } from '../../src/incidents/edit-update.ts';
import { postUpdate } from '../../src/incidents/post-update.ts';
import { resolveIncident } from '../../src/incidents/resolve-incident.ts';
import type { IncidentContext } from '../../src/incidents/service-context.ts';
import { takeOverOutage } from '../../src/incidents/take-over-outage.ts';
import type { Store } from '../../src/store/store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { BILINGUAL, CATALOGUE, incidentContext } from './support/service-fixture.ts';
import { checkResult, downTracking } from '../support/records.ts';
import { outageSeen } from '../support/records.ts';
import { outageTitle } from '../../src/i18n/probe-words.ts';

describe('staff incident actions', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let clock: ReturnType<typeof manualClock>;
  let ctx: IncidentContext;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    clock = manualClock();
    ctx = incidentContext(store, clock.now);
  });
  afterEach(() => dispose());

  it('creates a bilingual incident and audits who, when, where and what', async () => {
    const result = await createIncident({ ctx, input: BILINGUAL });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value).toMatchObject({
      kind: 'staff',
      title: { fr: 'Connexion impossible', en: 'Cannot sign in' },
      status: 'investigating',
      affected: [{ serviceId: 'ameli', impact: 'major' }],
    });
    const [entry] = (await store.listAudit({ limit: 1 })).items;
    expect(entry).toMatchObject({
      actor: 'agent@example.gouv.fr',
      ip: '198.51.100.7',
      action: 'incident.created',
      target: result.value.id,
      before: null,
    });
    expect(entry?.at).toEqual(clock.now());
    expect(JSON.stringify(entry?.after)).toContain('Cannot sign in');
  });

  it.each([
    [{ ...BILINGUAL, titleFr: '  ' }, { titleFr: 'required' }],
    [{ ...BILINGUAL, titleEn: '' }, { titleEn: 'required_en' }],
    [{ ...BILINGUAL, bodyEn: '' }, { bodyEn: 'required_en' }],
    [{ ...BILINGUAL, titleFr: 'x'.repeat(161) }, { titleFr: 'too_long' }],
    [{ ...BILINGUAL, status: 'panic' }, { status: 'invalid' }],
    [{ ...BILINGUAL, impacts: { ameli: '' } }, { impacts: 'no_service' }],
    [{ ...BILINGUAL, impacts: { nope: 'major' } }, { impacts: 'unknown_service' }],
    [{ ...BILINGUAL, impacts: { ameli: 'apocalyptic' } }, { impacts: 'invalid' }],
    [{}, { titleFr: 'required', bodyFr: 'required', status: 'invalid' }],
  ])('refuses %j with field errors', async (input, errors) => {
    const result = await createIncident({ ctx, input });
    expect(result).toEqual({ ok: false, errors: expect.objectContaining(errors) });
    expect((await store.listIncidents({ limit: 5 })).total).toBe(0);
  });

  it('publishes French only when "translation to follow" is ticked, and lists it as awaiting translation', async () => {
    const result = await createIncident({ ctx, input: { ...BILINGUAL, titleEn: '', bodyEn: '', translationLater: 'on' } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.title).toEqual({ fr: 'Connexion impossible', en: null });
    expect(result.value.updates[0]?.body.en).toBeNull();
    const waiting = awaitingTranslation([result.value], []);
    expect(waiting).toEqual([
      {
        kind: 'incident',
        id: result.value.id,
        titleFr: 'Connexion impossible',
        missingTitle: true,
        updateIds: [result.value.updates[0]?.id],
      },
    ]);

    clock.advance(60_000);
    const translated = await editUpdate({
      ctx,
      input: { updateId: result.value.updates[0]?.id, bodyFr: BILINGUAL.bodyFr, bodyEn: 'Looking into it.' },
    });
    if (!translated.ok) throw new Error(JSON.stringify(translated.errors));
    const titled = await postUpdate({
      ctx,
      input: {
        incidentId: result.value.id,
        bodyFr: 'Cause identifiée.',
        bodyEn: 'Cause found.',
        titleEn: 'Cannot sign in',
        status: 'identified',
        impacts: { ameli: 'partial' },
      },
    });
    if (!titled.ok) throw new Error(JSON.stringify(titled.errors));
    expect(titled.value.title.en).toBe('Cannot sign in');
    expect(awaitingTranslation([titled.value], [])).toEqual([]);
  });

  it('posts updates, changes impact, keeps edit history, then resolves', async () => {
    const created = await createIncident({ ctx, input: BILINGUAL });
    if (!created.ok) throw new Error('create');
    const id = created.value.id;
    clock.advance(60_000);
    const updated = await postUpdate({
      ctx,
      input: {
        incidentId: id,
        bodyFr: 'Identifié.',
        bodyEn: 'Identified.',
        status: 'identified',
        impacts: { ameli: 'partial', caf: 'degraded' },
      },
    });
    if (!updated.ok) throw new Error(JSON.stringify(updated.errors));
    expect(updated.value.status).toBe('identified');
    expect(updated.value.affected).toEqual(
      expect.arrayContaining([
        { serviceId: 'ameli', impact: 'partial' },
        { serviceId: 'caf', impact: 'degraded' },
      ]),
    );

    const first = created.value.updates[0]!;
    clock.advance(60_000);
    const edited = await editUpdate({ ctx, input: { updateId: first.id, bodyFr: 'Nous cherchons encore.', bodyEn: 'Still looking.' } });
    if (!edited.ok) throw new Error(JSON.stringify(edited.errors));
    const firstAfter = edited.value.updates.find((u) => u.id === first.id)!;
    expect(firstAfter.body).toEqual({ fr: 'Nous cherchons encore.', en: 'Still looking.' });
    expect(firstAfter.history.map((h) => h.body)).toEqual([first.body]);

    clock.advance(60_000);
    const resolved = await resolveIncident({ ctx, input: { incidentId: id, bodyFr: 'Rétabli.', bodyEn: 'Restored.' } });
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
    expect(resolved.value.resolvedAt).toEqual(clock.now());
    expect(
      await postUpdate({ ctx, input: { incidentId: id, bodyFr: 'x', bodyEn: 'x', status: 'monitoring', impacts: { ameli: 'major' } } }),
    ).toEqual({ ok: false, errors: { _form: 'already_resolved' } });
    const actions = (await store.listAudit({ limit: 10 })).items.map((e) => e.action);
    expect(actions).toEqual(['incident.resolved', 'incident.update_edited', 'incident.updated', 'incident.created']);
  });

  it('takes over an automatic outage once: one incident, the staff text replaces the probe text', async () => {
    const { incidentId } = await store.recordCheck({
      result: checkResult({ serviceId: 'ameli', location: 'local', startedAt: clock.now(), outcome: 'http_5xx', httpStatus: 503 }),
      tracking: downTracking('ameli', clock.now(), clock.now(), { latencyMs: 120 }),
      rollups: [],
      event: {
        type: 'outage_opened',
        serviceId: 'ameli',
        startedAt: clock.now(),
        observed: outageSeen('ameli.fr'),
      },
    });
    expect(incidentId).not.toBeNull();
    expect(
      await postUpdate({ ctx, input: { incidentId, bodyFr: 'x', bodyEn: 'x', status: 'identified', impacts: { ameli: 'major' } } }),
    ).toEqual({ ok: false, errors: { _form: 'take_over_first' } });

    const taken = await takeOverOutage({ ctx, input: { ...BILINGUAL, incidentId } });
    if (!taken.ok) throw new Error(JSON.stringify(taken.errors));
    expect(taken.value).toMatchObject({
      id: incidentId,
      kind: 'auto',
      takenOverBy: 'agent@example.gouv.fr',
      title: { fr: 'Connexion impossible', en: 'Cannot sign in' },
    });
    expect((await store.listIncidents({ state: 'open', limit: 10 })).total).toBe(1);
    expect(await takeOverOutage({ ctx, input: { ...BILINGUAL, incidentId } })).toEqual({
      ok: false,
      errors: { _form: 'already_taken_over' },
    });

    const staffIncident = await createIncident({ ctx, input: BILINGUAL });
    if (!staffIncident.ok) throw new Error('create');
    expect(await takeOverOutage({ ctx, input: { ...BILINGUAL, incidentId: staffIncident.value.id } })).toEqual({
      ok: false,
      errors: { _form: 'not_automatic' },
    });
  });

  it('tells subscribers of an automatic outage staff close with the title the pages show (the probe stores none)', async () => {
    const { incidentId } = await store.recordCheck({
      result: checkResult({ serviceId: 'ameli', location: 'local', startedAt: clock.now(), outcome: 'http_5xx', httpStatus: 503 }),
      tracking: downTracking('ameli', clock.now(), clock.now(), { latencyMs: 120 }),
      rollups: [],
      event: { type: 'outage_opened', serviceId: 'ameli', startedAt: clock.now(), observed: outageSeen('ameli.fr') },
    });
    const closed = await resolveIncident({ ctx, input: { incidentId, bodyFr: 'Fausse alerte.', bodyEn: 'False alarm.' } });
    if (!closed.ok) throw new Error(JSON.stringify(closed.errors));
    const told = (await store.subscriptions.pendingEvents(10)).map((e) => e.payload).find((p) => p.kind === 'incident_resolved');
    const name = CATALOGUE.services.find((s) => s.id === 'ameli')!.name;
    expect(told && 'title' in told && told.title).toEqual(outageTitle(outageSeen('ameli.fr'), name));
  });

  it('refuses actions on incidents and updates that do not exist', async () => {
    expect(
      await postUpdate({ ctx, input: { incidentId: 'nope', bodyFr: 'x', bodyEn: 'x', status: 'identified', impacts: { ameli: 'major' } } }),
    ).toEqual({ ok: false, errors: { _form: 'not_found' } });
    expect(await editUpdate({ ctx, input: { updateId: 'nope', bodyFr: 'x', bodyEn: 'x' } })).toEqual({
      ok: false,
      errors: { _form: 'not_found' },
    });
    expect(await resolveIncident({ ctx, input: { incidentId: 'nope', bodyFr: 'x', bodyEn: 'x' } })).toEqual({
      ok: false,
      errors: { _form: 'not_found' },
    });
  });
});
