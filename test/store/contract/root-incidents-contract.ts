import { describe, expect, it } from 'vitest';
import type { OutageDecider } from '../../../src/domain/records.ts';
import type { ContractContext } from '../store-contract.ts';
import { outageSeen } from '../../support/records.ts';
import { at, check, result, tracking } from '../contract-fixtures.ts';

export function rootIncidentsContract(ctx: ContractContext): void {
  describe('root incidents of shared upstreams', () => {
    it('tells an upstream’s outage once with its dependents, lists a joining dependent once, and reads upstreams for its decider', async () => {
      const store = ctx.store();
      const { incidentId: rootId } = await check(store, {
        serviceId: 'fc',
        at: at(0),
        state: 'down',
        event: {
          type: 'outage_opened',
          serviceId: 'fc',
          startedAt: at(0),
          observed: outageSeen('fc.example.fr'),
          dependents: ['impots', 'caf'],
        },
      });
      expect(rootId).not.toBeNull();
      const seen: string[] = [];
      const join: OutageDecider = Object.assign(
        (facts: Parameters<OutageDecider>[0]) => {
          const fcFacts = facts.upstreams?.find((u) => u.serviceId === 'fc');
          seen.push(`${fcFacts?.trackings.map((t) => t.state).join()} ${fcFacts?.openIncident?.id === rootId}`);
          return fcFacts?.openIncident
            ? { type: 'outage_joined' as const, serviceId: 'impots', rootIncidentId: fcFacts.openIncident.id }
            : null;
        },
        { upstreamIds: ['fc'] },
      );
      const before = await store.dataVersion();
      const down = (s: number) =>
        store.recordCheck({
          result: result({ serviceId: 'impots', startedAt: at(s), outcome: 'http_5xx' }),
          tracking: tracking({ serviceId: 'impots', state: 'down', since: at(30), lastCheckedAt: at(s), lastOutcome: 'http_5xx' }),
          rollups: [],
          event: join,
        });
      const first = await down(30);
      const afterJoin = await store.dataVersion();
      await down(60);
      expect(seen).toEqual(['down true', 'down true']);
      expect(first.incidentId).toBeNull();
      expect(afterJoin).toBeGreaterThan(before);
      const root = await store.getIncident(rootId!);
      expect(root?.affected).toEqual([
        { serviceId: 'fc', impact: 'major' },
        { serviceId: 'impots', impact: 'major' },
      ]);
      expect((await store.listIncidents({ state: 'open', limit: 10 })).items.map((i) => i.serviceId)).toEqual(['fc']);
      const events = await store.subscriptions.pendingEvents(10);
      expect(events.map((e) => e.payload)).toEqual([
        { kind: 'outage_confirmed', serviceId: 'fc', startedAt: at(0).toISOString(), dependents: ['impots', 'caf'] },
      ]);
    });
  });
}
