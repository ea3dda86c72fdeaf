import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../src/domain/vocabulary.ts';
import { canaryVerdict, probeOffline, uniformNetworkFailure, type RecentFailure } from '../../src/probe/probe-health.ts';

const failures = (outcomes: CheckOutcome[]): RecentFailure[] => outcomes.map((outcome, i) => ({ serviceId: `s${i}`, outcome }));

describe('canaryVerdict', () => {
  it.each<[CheckOutcome[], boolean, boolean]>([
    [['ok', 'ok', 'ok'], true, false],
    [['ok', 'http_5xx', 'blocked'], true, false],
    [['ok', 'timeout', 'ok'], true, true],
    [['ok', 'timeout'], true, true],
    [['timeout', 'timeout', 'ok'], false, true],
    [['dns_temporary', 'dns_temporary'], false, true],
    [['tls_untrusted', 'tls_untrusted', 'ok'], false, true],
    [['refused'], false, true],
  ])('%j → healthy %s, some unreachable %s', (outcomes, healthy, anyUnreachable) => {
    expect(canaryVerdict(outcomes)).toEqual({ healthy, anyUnreachable });
  });
});

describe('uniformNetworkFailure', () => {
  it('needs five distinct services failing mostly the same way at the network level', () => {
    expect(uniformNetworkFailure(failures(['timeout', 'timeout', 'timeout', 'timeout', 'timeout']))).toBe(true);
    expect(uniformNetworkFailure(failures(['timeout', 'timeout', 'timeout', 'timeout']))).toBe(false);
    expect(uniformNetworkFailure(failures(['timeout', 'refused', 'reset', 'timeout', 'dns_nxdomain']))).toBe(false);
    expect(
      uniformNetworkFailure(
        failures(['refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'timeout']),
      ),
    ).toBe(true);
  });

  it('does not count one service re-checked many times as many', () => {
    const same = Array.from({ length: 10 }, () => ({ serviceId: 'caf', outcome: 'timeout' as const }));
    expect(uniformNetworkFailure(same)).toBe(false);
  });
});

describe('probeOffline', () => {
  const healthy = { healthy: true, anyUnreachable: false };
  const partial = { healthy: true, anyUnreachable: true };
  const down = { healthy: false, anyUnreachable: true };
  it.each([
    ['canaries unreachable', down, false, true],
    ['canaries unreachable and uniform failure', down, true, true],
    ['mass outage with healthy canaries is real', healthy, true, false],
    ['uniform failure while a canary is unreachable', partial, true, true],
    ['one canary down, services vary', partial, false, false],
    ['no canaries, uniform failure', null, true, true],
    ['no canaries, nothing uniform', null, false, false],
  ] as const)('%s', (_name, canaries, uniformFailure, expected) => {
    expect(probeOffline({ canaries, uniformFailure })).toBe(expected);
  });
});
