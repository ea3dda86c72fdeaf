import { describe, expect, it } from 'vitest';
import { checkFinding } from '../../../src/domain/check-finding.ts';
import type { CheckKind, CheckOutcome } from '../../../src/domain/vocabulary.ts';
import { classifyDnsAnswers, classifyDnsError } from '../../../src/probe/check/classify-dns.ts';
import { beatVerdict } from '../../../src/probe/check/heartbeat-check.ts';

const T = Date.parse('2026-03-10T10:00:00Z');

describe('beatVerdict', () => {
  it.each([
    [null, 'heartbeat_missed', 'no beat received yet'],
    [T - 10_000, 'ok', null],
    [T - 660_000, 'ok', null],
    [T - 661_000, 'heartbeat_missed', 'last beat 661 s ago, expected every 600 s (+ 60 s grace)'],
    [T + 5_000, 'ok', null],
  ] as const)('a beat at %s → %s', (at, outcome, detail) => {
    expect(beatVerdict({ lastBeat: at === null ? null : new Date(at), nowMs: T, intervalS: 600, graceS: 60 })).toEqual({ outcome, detail });
  });
});

describe('classifyDns', () => {
  it.each([
    ['ENOTFOUND', 'dns_nxdomain'],
    ['ENODATA', 'dns_wrong_answer'],
    ['ESERVFAIL', 'dns_servfail'],
    ['EREFUSED', 'dns_servfail'],
    ['ETIMEOUT', 'dns_timeout'],
    ['ECANCELLED', 'dns_timeout'],
    ['ECONNREFUSED', 'refused'],
    ['EBADRESP', 'network_error'],
  ] as const)('%s → %s', (code, outcome) => {
    expect(classifyDnsError(code, 'A').outcome).toBe(outcome);
  });

  it.each([
    [[], null, 'dns_wrong_answer'],
    [['192.0.2.1'], null, 'ok'],
    [['192.0.2.1', '192.0.2.2'], ['192.0.2.1'], 'dns_wrong_answer'],
    [['192.0.2.1'], ['192.0.2.1', '192.0.2.2'], 'ok'],
  ] as const)('answers %j, expecting %j → %s', (answers, expect_, outcome) => {
    expect(classifyDnsAnswers(answers, { record: 'A', expect: expect_, latencyMs: 5, slowMs: 1000 }).outcome).toBe(outcome);
  });
});

describe('checkFinding', () => {
  it.each<[CheckKind, CheckOutcome, number | null, string | null]>([
    ['http', 'ok', null, null],
    ['http', 'blocked', null, null],
    ['http', 'timeout', null, 'unreachable'],
    ['http', 'json_mismatch', null, 'unexpected_answer'],
    ['dns', 'dns_servfail', null, 'name_unresolved'],
    ['dns', 'dns_wrong_answer', null, 'name_unresolved'],
    ['tcp', 'refused', null, 'refused'],
    ['tcp', 'reset', null, 'refused'],
    ['tcp', 'timeout', null, 'unreachable'],
    ['tcp', 'tls_expired', null, 'browser_warning'],
    ['journey', 'http_5xx', 2, 'step_fails'],
    ['journey', 'slow', null, 'slow'],
    ['heartbeat', 'heartbeat_missed', null, 'beat_missing'],
    ['heartbeat', 'probe_error', null, null],
  ])('%s, %s, step %s → %s', (kind, outcome, step, finding) => {
    expect(checkFinding(kind, outcome, step)).toBe(finding);
  });
});
