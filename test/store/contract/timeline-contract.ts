import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import { at, check, opened, resolved, result, T0, tracking } from '../contract-fixtures.ts';

export function timelineContract(ctx: ContractContext): void {
  describe('timeline', () => {
    const all = { from: at(-3600), to: at(3600), limit: 100, staffActions: ['incident.created'] as const };

    it('keeps each state change a tracking makes, also several in one batch, and none when the state holds', async () => {
      const store = ctx.store();
      await check(store, { at: at(0) });
      await check(store, { at: at(60), previous: at(0) });
      const failing = (s: number, state: 'degraded' | 'down') => ({
        result: result({ startedAt: at(s), outcome: 'http_5xx' }),
        tracking: tracking({ state, since: state === 'down' ? at(120) : at(s), lastCheckedAt: at(s), lastOutcome: 'http_5xx' }),
        rollups: [],
        event: null,
      });
      await store.recordChecks([failing(120, 'degraded'), failing(180, 'degraded'), failing(240, 'down')]);
      await check(store, { at: at(300), since: at(300), event: resolved('impots', at(300)) });
      const { stateChanges } = await store.readTimeline(all);
      expect(stateChanges.map((c) => [c.serviceId, c.location, c.at, c.from, c.to])).toEqual([
        ['impots', 'paris', T0, 'unknown', 'operational'],
        ['impots', 'paris', at(120), 'operational', 'degraded'],
        ['impots', 'paris', at(120), 'degraded', 'down'],
        ['impots', 'paris', at(300), 'down', 'operational'],
      ]);
    });

    it('prunes state changes older than the cut-off and keeps the later ones', async () => {
      const store = ctx.store();
      await check(store, { at: at(0) });
      await check(store, { at: at(60), state: 'down', since: at(60), previous: at(0) });
      await check(store, { at: at(120), since: at(120), previous: at(60) });
      expect(await store.pruneStateChanges(at(60))).toBe(1);
      const { stateChanges } = await store.readTimeline(all);
      expect(stateChanges.map((c) => [c.at, c.to])).toEqual([
        [at(60), 'down'],
        [at(120), 'operational'],
      ]);
      expect(await store.pruneStateChanges(at(60))).toBe(0);
    });

    it('lists incident updates in range with their incident, and staff actions without who or from where', async () => {
      const store = ctx.store();
      await check(store, { at: at(0), state: 'down', event: opened('impots', at(0)) });
      const incident = await store.audited(
        (s) =>
          s.createIncident({
            title: { fr: 'Vague', en: null },
            status: 'investigating',
            affected: [],
            body: { fr: 'Nous enquêtons.', en: null },
            author: 'agent@example.gouv.fr',
            at: at(30),
          }),
        (created) => ({
          at: at(30),
          actor: 'agent@example.gouv.fr',
          ip: '192.0.2.7',
          action: 'incident.created',
          target: created.id,
          before: null,
          after: null,
        }),
      );
      await store.appendAudit({
        at: at(40),
        actor: 'agent@example.gouv.fr',
        ip: '192.0.2.7',
        action: 'login.succeeded',
        target: null,
        before: null,
        after: null,
      });
      const rows = await store.readTimeline(all);
      // An automatic incident keeps what the probes saw; its words are rendered when read (`timeline-words.ts`).
      expect(rows.updates.map((u) => [u.incidentKind, u.at, u.status, u.byProbe, u.words.opening?.type ?? u.title.fr])).toEqual([
        ['auto', at(0), 'investigating', true, 'outage'],
        ['staff', at(30), 'investigating', false, 'Vague'],
      ]);
      expect(rows.staffActions).toEqual([{ at: at(30), action: 'incident.created', target: incident.id }]);
      expect(JSON.stringify(rows)).not.toMatch(/agent@|192\.0\.2\.7/);
      const none = await store.readTimeline({ ...all, staffActions: [] });
      expect(none.staffActions).toEqual([]);
      const later = await store.readTimeline({ ...all, from: at(10) });
      expect(later.updates.map((u) => u.title.fr)).toEqual(['Vague']);
    });
  });
}
