import { describe, expect, it } from 'vitest';
import { componentStatus } from '../../src/status/component-status.ts';

describe('componentStatus', () => {
  it.each([
    ['operational', 'operational'],
    ['degraded', 'degraded_performance'],
    ['partial', 'partial_outage'],
    ['down', 'major_outage'],
    ['maintenance', 'under_maintenance'],
    ['closed', 'under_maintenance'],
  ] as const)('says the published state %s as %s', (state, status) => {
    expect(componentStatus({ state, unknownReason: null })).toEqual({ status, unknownReason: null });
  });

  it('never says operational when the state is unknown, and gives the reason', () => {
    expect(componentStatus({ state: 'unknown', unknownReason: 'stale' })).toEqual({
      status: 'degraded_performance',
      unknownReason: 'stale',
    });
    expect(componentStatus({ state: 'unknown', unknownReason: null })).toEqual({
      status: 'degraded_performance',
      unknownReason: 'no_data',
    });
  });
});
