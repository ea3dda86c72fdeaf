import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import { at, result, tracking } from '../contract-fixtures.ts';

/** What checks beyond one GET persist: certificate issuer, failed journey step, pushed heartbeats. */
export function checkKindsContract(ctx: ContractContext): void {
  describe('check kinds', () => {
    it('keeps the certificate issuer and the failed step, on the result and on the tracking', async () => {
      const store = ctx.store();
      const expiresAt = new Date('2026-03-15T10:00:00.000Z');
      const failed = result({ outcome: 'http_5xx', step: 2, tlsExpiresAt: expiresAt, tlsIssuer: "Let's Encrypt (R11)" });
      const seen = tracking({ lastOutcome: 'http_5xx', lastStep: 2, tlsExpiresAt: expiresAt, tlsIssuer: "Let's Encrypt (R11)" });
      await store.recordCheck({ result: failed, tracking: seen, rollups: [], event: null });
      expect(await store.listResults('impots', { limit: 1 })).toEqual([failed]);
      expect(await store.listTrackings()).toEqual([seen]);
      const passed = tracking({ lastCheckedAt: at(60), lastStep: null });
      await store.recordCheck({ result: result({ startedAt: at(60) }), tracking: passed, rollups: [], event: null });
      expect(await store.listTrackings()).toEqual([passed]);
    });

    it('keeps the latest heartbeat a service pushed, never moving it back', async () => {
      const store = ctx.store();
      expect(await store.lastServiceBeat('paie')).toBeNull();
      await store.recordServiceBeat('paie', at(10));
      await store.recordServiceBeat('paie', at(70));
      await store.recordServiceBeat('paie', at(40));
      await store.recordServiceBeat('actualisation', at(5));
      expect(await store.lastServiceBeat('paie')).toEqual(at(70));
      expect(await store.lastServiceBeat('actualisation')).toEqual(at(5));
    });
  });
}
