import { describe, expect, it } from 'vitest';
import { mergeRollups, rollupDeltas } from '../../../src/domain/rollup.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, check, result, T0, tracking } from '../contract-fixtures.ts';

export function checksContract(ctx: ContractContext): void {
  describe('checks, rollups and tracking', () => {
    it('answers ping and starts with a data version', async () => {
      await ctx.store().ping();
      expect(await ctx.store().dataVersion()).toBeGreaterThanOrEqual(1);
      expect(await ctx.store().listTrackings()).toEqual([]);
    });

    it('stores every field of a result and lists newest first, with since and limit', async () => {
      const store = ctx.store();
      const full = result({
        startedAt: at(1.234),
        outcome: 'tls_expired',
        latencyMs: 87.5,
        httpStatus: null,
        finalUrl: 'https://www.impots.gouv.fr/accueil',
        tlsExpiresAt: new Date('2026-01-01T00:00:00.123Z'),
        detail: 'certificate has expired',
        probeOffline: true,
      });
      await store.recordCheck({ result: full, tracking: tracking(), rollups: [], event: null });
      for (const s of [60, 120]) await check(store, { at: at(s), previous: at(s - 60) });
      await check(store, { serviceId: 'caf', at: at(500) });
      const all = await store.listResults('impots', { limit: 10 });
      expect(all.map((r) => r.startedAt)).toEqual([at(120), at(60), at(1.234)]);
      expect(all[2]).toEqual(full);
      expect(await store.listResults('impots', { limit: 1 })).toHaveLength(1);
      expect((await store.listResults('impots', { since: at(60), limit: 10 })).map((r) => r.startedAt)).toEqual([at(120), at(60)]);
    });

    it('adds rollup deltas into hourly and daily buckets and lists them by range and service', async () => {
      const store = ctx.store();
      await check(store, { at: at(0), latencyMs: 40 });
      await check(store, { at: at(60), previous: at(0), latencyMs: 900, outcome: 'http_5xx', state: 'degraded' });
      await check(store, { serviceId: 'caf', at: at(30), latencyMs: 10 });
      const hours = await store.listRollups({ granularity: 'hour', from: T0, to: at(3600), serviceId: 'impots' });
      expect(hours).toHaveLength(1);
      const [hour] = hours;
      expect(hour).toMatchObject({ serviceId: 'impots', granularity: 'hour', bucketStart: T0, checks: 2, failures: 1 });
      expect(hour!.seconds).toEqual({ operational: 0, degraded: 60, down: 0, maintenance: 0, unknown: 0 });
      expect(hour!.latencyCount).toBe(2);
      expect(hour!.latencySumMs).toBe(940);
      expect(hour!.latencyMaxMs).toBe(900);
      expect(hour!.latencyHistogram.reduce((a, b) => a + b, 0)).toBe(2);
      const previousHour = await store.listRollups({ granularity: 'hour', from: at(-3600), to: T0 });
      expect(previousHour.map((r) => [r.serviceId, r.seconds.operational])).toEqual([
        ['caf', 30],
        ['impots', 60],
      ]);
      const days = await store.listRollups({ granularity: 'day', from: at(-86_400), to: at(86_400) });
      expect(days.map((d) => [d.serviceId, d.checks])).toEqual([
        ['caf', 1],
        ['impots', 2],
      ]);
      expect(days[0]!.bucketStart).toEqual(new Date('2026-03-09T23:00:00Z'));
      expect(await store.listRollups({ granularity: 'hour', from: at(3600), to: at(7200) })).toEqual([]);
    });

    it('adds monthly buckets, tells the extent of the history, and prunes buckets past their retention', async () => {
      const store = ctx.store();
      expect(await store.rollupSpan('month')).toBeNull();
      await check(store, { at: at(0) });
      await check(store, { at: at(40 * 86_400) });
      const months = await store.listRollups({ granularity: 'month', from: at(-40 * 86_400), to: at(80 * 86_400) });
      expect(months.map((m) => [m.bucketStart.toISOString(), m.checks])).toEqual([
        ['2026-02-28T23:00:00.000Z', 1],
        ['2026-03-31T22:00:00.000Z', 1],
      ]);
      expect(await store.rollupSpan('month')).toEqual({ first: months[0]!.bucketStart, last: months[1]!.bucketStart });
      const [summed, ...others] = await store.sumRollups({ granularity: 'month', from: at(-40 * 86_400), to: at(80 * 86_400) });
      expect(others).toEqual([]);
      expect(summed).toEqual({ ...mergeRollups(months), serviceId: 'impots', granularity: 'month', bucketStart: at(-40 * 86_400) });
      // Two hours (a first check covers the interval before T0, on the hour), a day and a month.
      expect(await store.pruneRollups(at(86_400))).toBe(4);
      expect((await store.rollupSpan('day'))!.first.getTime()).toBeGreaterThan(at(86_400).getTime());
      expect((await store.rollupSpan('month'))!.first).toEqual(months[1]!.bucketStart);
    });

    it('reads a window of results oldest first, the services seen in it, and tallies failures per location and outcome', async () => {
      const store = ctx.store();
      const write = (r: Parameters<typeof result>[0]) =>
        store.recordCheck({ result: result(r), tracking: tracking(), rollups: [], event: null });
      await write({ startedAt: at(0), outcome: 'ok' });
      await write({ startedAt: at(60), outcome: 'http_5xx' });
      await write({ startedAt: at(120), outcome: 'timeout', location: 'lyon' });
      await write({ startedAt: at(180), outcome: 'http_5xx' });
      await write({ startedAt: at(200), outcome: 'timeout', probeOffline: true });
      await write({ startedAt: at(240), outcome: 'http_5xx' });
      await write({ serviceId: 'caf', startedAt: at(90), outcome: 'ok' });
      const between = await store.listResultsBetween({ serviceId: 'impots', from: at(60), to: at(240) });
      expect(between.map((r) => r.startedAt)).toEqual([at(60), at(120), at(180), at(200)]);
      expect(await store.listResultServices({ from: at(0), to: at(300) })).toEqual(['caf', 'impots']);
      expect(await store.listResultServices({ from: at(100), to: at(300) })).toEqual(['impots']);
      const tally = await store.tallyFailures({ serviceId: 'impots', from: at(60), to: at(180), outcomes: ['http_5xx', 'timeout'] });
      expect(tally).toEqual([
        { location: 'lyon', outcome: 'timeout', count: 1, first: at(120), last: at(120) },
        { location: 'paris', outcome: 'http_5xx', count: 2, first: at(60), last: at(180) },
      ]);
    });

    it('saves the tracking as given, and overwrites it on the next check', async () => {
      const store = ctx.store();
      const first = tracking({ failureStreak: 2, successStreak: 0, failureRunStartedAt: at(-30), latencyMs: null, lastOutcome: 'timeout' });
      await store.recordCheck({ result: result(), tracking: first, rollups: [], event: null });
      expect(await store.listTrackings()).toEqual([first]);
      const second = tracking({ state: 'down', since: at(-30), failureStreak: 3, lastCheckedAt: at(60) });
      await store.recordCheck({ result: result({ startedAt: at(60) }), tracking: second, rollups: [], event: null });
      expect(await store.listTrackings()).toEqual([second]);
    });

    it('prunes raw results older than the cut-off and keeps the rollups', async () => {
      const store = ctx.store();
      for (let i = 0; i < 5; i += 1) await check(store, { at: at(i * 60), previous: i ? at((i - 1) * 60) : null });
      expect(await store.pruneResults(at(180))).toBe(3);
      expect((await store.listResults('impots', { limit: 10 })).map((r) => r.startedAt)).toEqual([at(240), at(180)]);
      const [hour] = await store.listRollups({ granularity: 'hour', from: T0, to: at(3600) });
      expect(hour!.checks).toBe(5);
      expect(await store.pruneResults(at(180))).toBe(0);
    });

    it('rolls back the whole check when part of it fails', async () => {
      const store = ctx.store();
      const r = result();
      const bad = { ...rollupDeltas({ result: r, state: 'operational', previousCheckedAt: null, interval: 60 })[0]!, checks: Number.NaN };
      await expect(store.recordCheck({ result: r, tracking: tracking(), rollups: [bad], event: null })).rejects.toThrow();
      expect(await store.listResults('impots', { limit: 10 })).toEqual([]);
      expect(await store.listTrackings()).toEqual([]);
    });

    it('stores a batch in one transaction: results, trackings per location, rollups added up per bucket', async () => {
      const store = ctx.store();
      const versionBefore = await store.dataVersion();
      const inputs = ['paris', 'lyon'].flatMap((location) =>
        ['impots', 'caf', 'ameli'].map((serviceId, i) => {
          const r = result({ serviceId, location, startedAt: at(i), latencyMs: 100 + i });
          return {
            result: r,
            tracking: tracking({ serviceId, location, lastCheckedAt: at(i) }),
            rollups: rollupDeltas({ result: r, state: 'operational', previousCheckedAt: null, interval: 60, share: 0.5 }),
            event: null,
          };
        }),
      );
      expect(await store.recordChecks(inputs)).toEqual(inputs.map(() => ({ incidentId: null })));
      expect((await store.listTrackings()).map((t) => `${t.serviceId}@${t.location}`)).toEqual([
        'ameli@lyon',
        'ameli@paris',
        'caf@lyon',
        'caf@paris',
        'impots@lyon',
        'impots@paris',
      ]);
      expect((await store.listResults('caf', { limit: 10 })).map((r) => r.location).sort()).toEqual(['lyon', 'paris']);
      const hours = await store.listRollups({ granularity: 'hour', from: at(-3600), to: at(3600), serviceId: 'caf' });
      expect(hours.find((h) => h.bucketStart.getTime() === T0.getTime())).toMatchObject({ checks: 2, latencyCount: 2, latencySumMs: 202 });
      // Each location speaks for half of the minute before its check: together, one minute.
      expect(hours.reduce((sum, h) => sum + h.seconds.operational, 0)).toBeCloseTo(60);
      expect(await store.dataVersion()).toBeGreaterThan(versionBefore);
    });

    it('rolls back the whole batch when one check of it fails', async () => {
      const store = ctx.store();
      const good = { result: result({ serviceId: 'caf' }), tracking: tracking({ serviceId: 'caf' }), rollups: [], event: null };
      const r = result();
      const bad = { ...rollupDeltas({ result: r, state: 'operational', previousCheckedAt: null, interval: 60 })[0]!, checks: Number.NaN };
      await expect(store.recordChecks([good, { result: r, tracking: tracking(), rollups: [bad], event: null }])).rejects.toThrow();
      expect(await store.listResults('caf', { limit: 10 })).toEqual([]);
      expect(await store.listTrackings()).toEqual([]);
    });
  });
}
