import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import type { OutageFacts } from '../../../src/domain/records.ts';
import { at, check, opened, resolved, result, tracking } from '../contract-fixtures.ts';
import { outageSeen } from '../../support/records.ts';

export function outagesContract(ctx: ContractContext): void {
  describe('automatic incidents', () => {
    it('opens an automatic incident on outage_opened and writes its id into the tracking', async () => {
      const store = ctx.store();
      const { incidentId } = await check(store, {
        at: at(120),
        outcome: 'timeout',
        state: 'down',
        since: at(0),
        event: opened('impots', at(0)),
      });
      expect(incidentId).toMatch(/^[a-z2-7]{12}$/);
      const incident = await store.getIncident(incidentId!);
      expect(incident).toMatchObject({
        id: incidentId,
        kind: 'auto',
        serviceId: 'impots',
        title: { fr: '', en: '' },
        status: 'investigating',
        affected: [{ serviceId: 'impots', impact: 'major' }],
        startedAt: at(0),
        createdAt: at(120),
        resolvedAt: null,
        takenOverBy: null,
      });
      expect(incident!.updates).toHaveLength(1);
      expect(incident!.updates[0]).toMatchObject({
        status: 'investigating',
        author: 'probe',
        body: { fr: '', en: '' },
        observed: { type: 'outage', ...outageSeen('impots.example.fr') },
      });
      expect((await store.listTrackings())[0]!.openIncidentId).toBe(incidentId);
    });

    it('opens exactly one incident when two probes report the same outage at once', async () => {
      const store = ctx.store();
      const reports = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          check(store, { at: at(120 + i), outcome: 'timeout', state: 'down', since: at(0), event: opened('impots', at(0)) }),
        ),
      );
      const ids = new Set(reports.map((r) => r.incidentId));
      expect(ids.size).toBe(1);
      const open = await store.listIncidents({ state: 'open', limit: 10 });
      expect(open.total).toBe(1);
      expect(open.items[0]!.id).toBe([...ids][0]);
      expect(open.items[0]!.updates).toHaveLength(1);
    });

    it('returns the open incident after a restart that lost the tracking', async () => {
      const store = ctx.store();
      const first = await check(store, { at: at(120), state: 'down', outcome: 'timeout', event: opened('impots', at(0)) });
      const again = await check(store, { at: at(180), state: 'down', outcome: 'timeout', event: opened('impots', at(60)) });
      expect(again.incidentId).toBe(first.incidentId);
      expect((await store.listIncidents({ limit: 10 })).total).toBe(1);
    });

    it('resolves the open incident with a final update, then a new outage opens a new one', async () => {
      const store = ctx.store();
      const { incidentId } = await check(store, { at: at(120), state: 'down', outcome: 'timeout', event: opened('impots', at(0)) });
      const after = await check(store, {
        at: at(600),
        state: 'operational',
        since: at(600),
        openIncidentId: incidentId,
        event: resolved('impots', at(600)),
      });
      expect(after.incidentId).toBeNull();
      const incident = await store.getIncident(incidentId!);
      expect(incident).toMatchObject({ status: 'resolved', resolvedAt: at(600) });
      expect(incident!.updates.map((u) => [u.status, u.author])).toEqual([
        ['investigating', 'probe'],
        ['resolved', 'probe'],
      ]);
      expect((await store.listTrackings())[0]!.openIncidentId).toBeNull();
      const next = await check(store, { at: at(900), state: 'down', outcome: 'timeout', event: opened('impots', at(800)) });
      expect(next.incidentId).not.toBe(incidentId);
      expect((await store.listIncidents({ state: 'open', limit: 10 })).items.map((i) => i.id)).toEqual([next.incidentId]);
    });

    it('treats outage_resolved with no open incident as nothing to resolve', async () => {
      const store = ctx.store();
      const { incidentId } = await check(store, { at: at(60), event: resolved('impots', at(60)) });
      expect(incidentId).toBeNull();
      expect((await store.listIncidents({ limit: 10 })).total).toBe(0);
    });

    it('keeps outages of different services apart', async () => {
      const store = ctx.store();
      const a = await check(store, { serviceId: 'impots', at: at(60), state: 'down', event: opened('impots', at(0)) });
      const b = await check(store, { serviceId: 'caf', at: at(61), state: 'down', event: opened('caf', at(1)) });
      expect(a.incidentId).not.toBe(b.incidentId);
      const caf = await store.listIncidents({ serviceId: 'caf', limit: 10 });
      expect(caf.items.map((i) => i.id)).toEqual([b.incidentId]);
    });

    it("runs a decider with every location's tracking, the heartbeats and the open incident", async () => {
      const store = ctx.store();
      await store.recordHeartbeat({ location: 'lyon', process: 'probe-1', at: at(0), canariesHealthy: true, version: 'test' });
      await store.recordCheck({
        result: result({ location: 'lyon' }),
        tracking: tracking({ location: 'lyon', state: 'down' }),
        rollups: [],
        event: null,
      });
      const seen: OutageFacts[] = [];
      const { incidentId } = await store.recordCheck({
        result: result({ startedAt: at(60) }),
        tracking: tracking({ state: 'down', lastCheckedAt: at(60) }),
        rollups: [],
        event: (facts) => {
          seen.push(facts);
          return opened('impots', at(0));
        },
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.trackings.map((t) => [t.location, t.state])).toEqual([
        ['lyon', 'down'],
        ['paris', 'down'],
      ]);
      expect(seen[0]!.heartbeats.map((h) => h.location)).toEqual(['lyon']);
      expect(seen[0]!.openIncident).toBeNull();
      const again = await store.recordCheck({
        result: result({ location: 'lyon', startedAt: at(61) }),
        tracking: tracking({ location: 'lyon', state: 'down', lastCheckedAt: at(61) }),
        rollups: [],
        event: (facts) => {
          seen.push(facts);
          return null;
        },
      });
      expect(seen[1]!.openIncident).toEqual({ id: incidentId, startedAt: at(0) });
      expect(again.incidentId).toBe(incidentId);
      expect((await store.listTrackings()).map((t) => [t.location, t.openIncidentId])).toEqual([
        ['lyon', incidentId],
        ['paris', incidentId],
      ]);
    });

    it('takes a backlog of one service in order in one batch: the outage it opens reaches the later checks, the last tracking stays', async () => {
      const store = ctx.store();
      const down = (s: number) => tracking({ state: 'down', since: at(0), lastCheckedAt: at(s), lastOutcome: 'timeout' });
      const plain = (s: number) => ({
        result: result({ startedAt: at(s), outcome: 'timeout' }),
        tracking: down(s),
        rollups: [],
        event: null,
      });
      const outcomes = await store.recordChecks([plain(0), { ...plain(60), event: opened('impots', at(0)) }, plain(120), plain(180)]);
      const [incident] = (await store.listIncidents({ state: 'open', limit: 5 })).items;
      expect(outcomes.map((o) => o.incidentId)).toEqual([null, incident!.id, incident!.id, incident!.id]);
      expect(await store.listTrackings()).toEqual([{ ...down(180), openIncidentId: incident!.id }]);
      expect(await store.listResults('impots', { limit: 10 })).toHaveLength(4);
    });

    it('decides in turn: of many locations reporting at the same instant, one sees no incident open', async () => {
      const store = ctx.store();
      const sawNone: string[] = [];
      const locations = ['paris', 'lyon', 'marseille', 'lille', 'montreal', 'singapour'];
      await Promise.all(
        locations.map((location) =>
          store.recordCheck({
            result: result({ location, startedAt: at(60), outcome: 'timeout' }),
            tracking: tracking({ location, state: 'down', lastCheckedAt: at(60) }),
            rollups: [],
            event: (facts) => {
              if (facts.openIncident) return null;
              sawNone.push(location);
              return opened('impots', at(0));
            },
          }),
        ),
      );
      expect(sawNone).toHaveLength(1);
      const all = await store.listIncidents({ state: 'all', limit: 10 });
      expect(all.total).toBe(1);
      expect(all.items[0]!.updates).toHaveLength(1);
    });
  });
}
