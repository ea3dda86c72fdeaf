import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, CHECK_OUTCOMES, SERVICE_STATES } from '../../../src/domain/vocabulary.ts';
import { readOneOf, readOneOfOrNull } from '../../../src/store/sql/executor.ts';

describe('readOneOf', () => {
  it.each([
    ['down', SERVICE_STATES, 'service_tracking.state'],
    ['timeout', CHECK_OUTCOMES, 'check_results.outcome'],
    ['incident.created', AUDIT_ACTIONS, 'audit_log.action'],
  ] as const)('reads "%s" from a column of its closed set', (value, allowed, column) => {
    expect(readOneOf(value, allowed, column)).toBe(value);
  });

  it.each([
    [
      'broken',
      SERVICE_STATES,
      'service_tracking.state',
      /Unknown value "broken" in column service_tracking\.state \(expected one of: operational, degraded/,
    ],
    ['', CHECK_OUTCOMES, 'check_results.outcome', /Unknown value "" in column check_results\.outcome/],
    [null, SERVICE_STATES, 'service_tracking.state', /Unknown value "null" in column service_tracking\.state/],
    ['Down', SERVICE_STATES, 'service_tracking.state', /Unknown value "Down"/],
  ] as const)('refuses %j, naming the column and the value', (value, allowed, column, message) => {
    expect(() => readOneOf(value, allowed, column)).toThrow(message);
  });

  it('reads a missing optional word as null, and still checks a present one', () => {
    expect(readOneOfOrNull(null, CHECK_OUTCOMES, 'service_tracking.last_outcome')).toBeNull();
    expect(readOneOfOrNull(undefined, CHECK_OUTCOMES, 'service_tracking.last_outcome')).toBeNull();
    expect(readOneOfOrNull('ok', CHECK_OUTCOMES, 'service_tracking.last_outcome')).toBe('ok');
    expect(() => readOneOfOrNull('fine', CHECK_OUTCOMES, 'service_tracking.last_outcome')).toThrow(/service_tracking\.last_outcome/);
  });
});
