import { describe, expect, it } from 'vitest';
import { auditExpiryDay, conformityOf } from '../../src/legal/conformity.ts';

// Noon in Paris on 1 December 2026.
const NOW = new Date('2026-12-01T11:00:00Z');

describe('conformity status from the audit facts', () => {
  it.each([
    ['no audit', undefined, 'none', 'no_audit'],
    ['every criterion met', { date: '2026-09-15', criteriaMetPercent: 100 }, 'full', 'measured'],
    ['99.9 % of criteria met', { date: '2026-09-15', criteriaMetPercent: 99.9 }, 'partial', 'measured'],
    ['exactly half of the criteria met', { date: '2026-09-15', criteriaMetPercent: 50 }, 'partial', 'measured'],
    ['49.9 % of criteria met', { date: '2026-09-15', criteriaMetPercent: 49.9 }, 'none', 'measured'],
    ['no criterion met', { date: '2026-09-15', criteriaMetPercent: 0 }, 'none', 'measured'],
    ['a full audit done today', { date: '2026-12-01', criteriaMetPercent: 100 }, 'full', 'measured'],
    ['a full audit dated tomorrow', { date: '2026-12-02', criteriaMetPercent: 100 }, 'none', 'audit_not_yet_done'],
    ['a full audit one day short of 3 years old', { date: '2023-12-02', criteriaMetPercent: 100 }, 'full', 'measured'],
    ['a full audit exactly 3 years old', { date: '2023-12-01', criteriaMetPercent: 100 }, 'none', 'audit_expired'],
    ['a full audit 4 years old', { date: '2022-06-30', criteriaMetPercent: 100 }, 'none', 'audit_expired'],
  ] as const)('%s', (_label, audit, status, ground) => {
    expect(conformityOf(audit, NOW)).toEqual({ status, ground });
  });

  it('counts the day in Paris: 23:30 UTC on 30 November is already 1 December there', () => {
    expect(conformityOf({ date: '2026-12-01', criteriaMetPercent: 100 }, new Date('2026-11-30T23:30:00Z')).ground).toBe('measured');
  });

  it('keeps a 29 February audit valid until the same date three years on', () => {
    expect(auditExpiryDay('2024-02-29')).toBe('2027-02-29');
    expect(conformityOf({ date: '2024-02-29', criteriaMetPercent: 100 }, new Date('2027-02-28T11:00:00Z')).ground).toBe('measured');
    expect(conformityOf({ date: '2024-02-29', criteriaMetPercent: 100 }, new Date('2027-03-01T11:00:00Z')).ground).toBe('audit_expired');
  });
});
