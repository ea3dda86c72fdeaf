import type { DnsRecordType } from '../../config/service-check.ts';
import type { CheckOutcome } from '../../domain/vocabulary.ts';

/**
 * The outcome of a DNS check (pure): from the resolver's error code when it failed, from the
 * answers and the catalogue's expected answers when it answered. Unlike a name resolved on the way
 * to a web page (`classify-error.ts`), a SERVFAIL or a timeout here is what the check watches.
 */

const BY_CODE: Readonly<Record<string, CheckOutcome>> = {
  ENOTFOUND: 'dns_nxdomain',
  ENODATA: 'dns_wrong_answer',
  ESERVFAIL: 'dns_servfail',
  EREFUSED: 'dns_servfail',
  ETIMEOUT: 'dns_timeout',
  ECANCELLED: 'dns_timeout',
  ECONNREFUSED: 'refused',
};

const WHAT: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the name does not exist (NXDOMAIN)',
  ENODATA: 'the name exists but has no record of this type',
  ESERVFAIL: 'the resolver failed to answer (SERVFAIL)',
  EREFUSED: 'the resolver refused to answer (REFUSED)',
  ETIMEOUT: 'no answer from the resolver in time',
  ECANCELLED: 'no answer from the resolver in time',
  ECONNREFUSED: 'the resolver refused the connection',
};

export function classifyDnsError(code: string, record: DnsRecordType): { outcome: CheckOutcome; detail: string } {
  const what = WHAT[code] ?? 'the resolver gave an unusable answer';
  return { outcome: BY_CODE[code] ?? 'network_error', detail: `${record}: ${what} (${code})` };
}

/** IPv6 in its shortest form, names in lower case without the final dot: answers compare as written. */
export function normalizeAnswer(answer: string, record: DnsRecordType): string {
  const trimmed = answer.trim();
  if (record === 'AAAA') {
    const parsed = URL.parse(`http://[${trimmed}]/`);
    return parsed ? parsed.hostname.slice(1, -1) : trimmed.toLowerCase();
  }
  if (record === 'TXT') return trimmed;
  return trimmed.toLowerCase().replace(/\.$/, '');
}

export function classifyDnsAnswers(
  answers: readonly string[],
  expected: { record: DnsRecordType; expect: readonly string[] | null; latencyMs: number; slowMs: number },
): { outcome: CheckOutcome; detail: string | null } {
  const { record } = expected;
  if (answers.length === 0) return { outcome: 'dns_wrong_answer', detail: `${record}: no answer` };
  const got = answers.map((a) => normalizeAnswer(a, record));
  if (expected.expect !== null) {
    const allowed = new Set(expected.expect.map((a) => normalizeAnswer(a, record)));
    const stray = got.filter((a) => !allowed.has(a));
    if (stray.length > 0) {
      return {
        outcome: 'dns_wrong_answer',
        detail: `${record}: answered ${stray.slice(0, 3).join(', ')}, not among ${[...allowed].slice(0, 5).join(', ')}`,
      };
    }
  }
  if (expected.latencyMs > expected.slowMs) {
    return { outcome: 'slow', detail: `${Math.round(expected.latencyMs)} ms, above ${expected.slowMs} ms` };
  }
  return { outcome: 'ok', detail: null };
}
