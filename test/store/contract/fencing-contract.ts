import { describe, expect, it } from 'vitest';
import type { ServiceState } from '../../../src/domain/vocabulary.ts';
import type { OutageEvent, WriteLease } from '../../../src/domain/records.ts';
import { rollupDeltas } from '../../../src/domain/rollup.ts';
import type { Store } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, opened, result, tracking } from '../contract-fixtures.ts';

const claim = (store: Store, holder: string, want: number, seconds: number) =>
  store.claimLeases({ location: 'paris', holder, want, now: at(seconds), until: at(seconds + 30) });

/** One check of `impots` at paris made under `lease`, `state` from `seconds`. */
function write(
  store: Store,
  seconds: number,
  lease: WriteLease | null,
  state: ServiceState = 'operational',
  event: OutageEvent | null = null,
) {
  const r = result({ startedAt: at(seconds), outcome: state === 'down' ? 'timeout' : 'ok' });
  return store.recordCheck({
    result: r,
    tracking: tracking({ state, since: at(seconds), lastCheckedAt: at(seconds), lastOutcome: r.outcome }),
    rollups: rollupDeltas({ result: r, state, previousCheckedAt: at(seconds - 60), interval: 60 }),
    event,
    lease,
  });
}

async function coveredSeconds(store: Store): Promise<number> {
  const hours = await store.listRollups({ granularity: 'hour', from: at(-86_400), to: at(86_400), serviceId: 'impots' });
  return hours.reduce((sum, h) => sum + Object.values(h.seconds).reduce((a, b) => a + (b ?? 0), 0), 0);
}

export function fencingContract(ctx: ContractContext): void {
  describe('writes carry their lease (fencing)', () => {
    it('bumps a lease epoch each time it is taken, never when its holder renews it', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', ['impots']);
      const first = await claim(store, 'h1', 1, 0);
      expect(first).toMatchObject({ held: ['impots'], unheld: 0 });
      expect((await claim(store, 'h1', 1, 10)).epochs).toEqual(first.epochs);
      // h1 stops renewing; h2 takes the expired lease.
      const second = await claim(store, 'h2', 1, 41);
      expect(second.epochs.impots).toBe(first.epochs.impots! + 1);
      expect((await claim(store, 'h2', 0, 50)).unheld).toBe(1);
    });

    it('keeps a write made under a lease another process took as history only: no tracking, rollup or incident moves', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', ['impots']);
      const old = (await claim(store, 'h1', 1, 0)).epochs.impots!;
      expect(await write(store, 10, { holder: 'h1', epoch: old })).toEqual({ incidentId: null });
      const taken = (await claim(store, 'h2', 1, 41)).epochs.impots!;
      expect(await write(store, 50, { holder: 'h2', epoch: taken })).toEqual({ incidentId: null });
      const covered = await coveredSeconds(store);
      // h1 wakes up (SIGCONT, or its network is back) with an outage decision made under its old lease.
      const stale = await write(store, 55, { holder: 'h1', epoch: old }, 'down', opened('impots', at(55)));
      expect(stale).toEqual({ incidentId: null, historyOnly: true });
      expect((await store.listTrackings())[0]).toMatchObject({ state: 'operational', lastCheckedAt: at(50) });
      expect((await store.listIncidents({ state: 'all', limit: 5 })).items).toEqual([]);
      expect(await store.subscriptions.pendingEvents(10)).toEqual([]);
      expect(await coveredSeconds(store)).toBe(covered);
      // Its result is kept: it was observed.
      expect((await store.listResults('impots', { limit: 10 })).map((r) => r.startedAt)).toEqual([at(55), at(50), at(10)]);
    });

    it('lets a write count once its lease was given back and not taken since, and a spooled write (any epoch) unless another holds it', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', ['impots']);
      const epoch = (await claim(store, 'h1', 1, 0)).epochs.impots!;
      await claim(store, 'h1', 0, 10);
      expect(await write(store, 12, { holder: 'h1', epoch })).toEqual({ incidentId: null });
      expect(await write(store, 14, { holder: 'h1', epoch: null })).toEqual({ incidentId: null });
      await claim(store, 'h2', 1, 20);
      expect(await write(store, 70, { holder: 'h1', epoch: null })).toEqual({ incidentId: null, historyOnly: true });
      expect(await write(store, 80, { holder: 'h1', epoch })).toEqual({ incidentId: null, historyOnly: true });
      expect((await store.listTrackings())[0]!.lastCheckedAt).toEqual(at(14));
    });

    it('keeps a result older than the tracking as history only, in whatever order late results come', async () => {
      const store = ctx.store();
      expect(await write(store, 120, null, 'operational')).toEqual({ incidentId: null });
      const covered = await coveredSeconds(store);
      expect(await write(store, 60, null, 'down', opened('impots', at(60)))).toEqual({ incidentId: null, historyOnly: true });
      expect((await store.listTrackings())[0]).toMatchObject({ state: 'operational', lastCheckedAt: at(120) });
      expect((await store.listIncidents({ state: 'all', limit: 5 })).items).toEqual([]);
      expect(await coveredSeconds(store)).toBe(covered);
    });
  });
}
