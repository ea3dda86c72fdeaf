import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/domain/records.ts';
import { evaluate } from '../../src/probe/evaluate.ts';
import { checkResult } from '../support/records.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const options = { failuresBeforeDown: 2, successesBeforeUp: 1, inMaintenance: false };
const EXPIRY = new Date('2026-03-07T10:00:00Z');

const at = (minute: number, extra: Partial<CheckResult>) =>
  checkResult({ serviceId: 'fc', startedAt: new Date(T0 + minute * 60_000), ...extra });

describe('what the tracking keeps of each check besides the state', () => {
  it('names the failed journey step until a check passes, and keeps the certificate through checks that read none', () => {
    let tracking = evaluate(null, at(0, { tlsExpiresAt: EXPIRY, tlsIssuer: 'Test CA' }), options).tracking;
    expect(tracking).toMatchObject({ lastStep: null, tlsExpiresAt: EXPIRY, tlsIssuer: 'Test CA' });
    tracking = evaluate(tracking, at(1, { outcome: 'http_5xx', step: 2, tlsExpiresAt: EXPIRY, tlsIssuer: 'Test CA' }), options).tracking;
    expect(tracking).toMatchObject({ lastOutcome: 'http_5xx', lastStep: 2 });
    tracking = evaluate(tracking, at(2, { outcome: 'timeout', step: 1, latencyMs: null }), options).tracking;
    expect(tracking).toMatchObject({ state: 'down', lastStep: 1, tlsExpiresAt: EXPIRY, tlsIssuer: 'Test CA' });
    const renewed = new Date('2026-06-01T00:00:00Z');
    tracking = evaluate(tracking, at(3, { tlsExpiresAt: renewed, tlsIssuer: 'Other CA' }), options).tracking;
    expect(tracking).toMatchObject({ state: 'operational', lastStep: null, tlsExpiresAt: renewed, tlsIssuer: 'Other CA' });
  });

  it('leaves the tracking as it was on an inconclusive check', () => {
    const before = evaluate(null, at(0, { tlsExpiresAt: EXPIRY }), options).tracking;
    expect(evaluate(before, at(1, { outcome: 'probe_error' }), options).tracking).toBe(before);
  });
});
