import { describe, expect, it } from 'vitest';
import { PUBLISHED_STATES } from '../../src/domain/vocabulary.ts';
import { componentStatus, type ComponentStatus } from '../../src/status/component-status.ts';

describe('componentStatus', () => {
  const expected: Record<(typeof PUBLISHED_STATES)[number], ComponentStatus> = {
    operational: 'operational',
    degraded: 'degraded_performance',
    partial: 'partial_outage',
    down: 'major_outage',
    maintenance: 'under_maintenance',
    closed: 'under_maintenance',
    unknown: 'degraded_performance',
  };

  it.each(PUBLISHED_STATES.filter((s) => s !== 'unknown'))('says the published state %s in Statuspage words', (state) => {
    expect(componentStatus({ state, unknownReason: null })).toEqual({ status: expected[state], unknownReason: null });
  });

  it('never says operational when the state is unknown, and gives the reason', () => {
    expect(componentStatus({ state: 'unknown', unknownReason: 'stale' })).toEqual({ status: 'degraded_performance', unknownReason: 'stale' });
    expect(componentStatus({ state: 'unknown', unknownReason: null })).toEqual({ status: 'degraded_performance', unknownReason: 'no_data' });
  });
});
