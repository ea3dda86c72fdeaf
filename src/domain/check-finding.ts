import type { CheckKind, CheckOutcome } from './vocabulary.ts';

/**
 * What a failing check means for people, whatever the kind of check: one of a few findings the
 * pages word in each language. Pure; the outcome and the kind are stored, the words are not.
 */
export const CHECK_FINDINGS = [
  'name_unresolved',
  'unreachable',
  'refused',
  'error_page',
  'unexpected_answer',
  'browser_warning',
  'step_fails',
  'beat_missing',
  'slow',
  'own_page_down',
  'own_page_degraded',
] as const;
export type CheckFinding = (typeof CHECK_FINDINGS)[number];

const BY_OUTCOME: Record<CheckOutcome, CheckFinding | null> = {
  ok: null,
  slow: 'slow',
  http_5xx: 'error_page',
  http_4xx: 'error_page',
  blocked: null,
  keyword_missing: 'unexpected_answer',
  timeout: 'unreachable',
  dns_nxdomain: 'name_unresolved',
  dns_temporary: null,
  refused: 'unreachable',
  reset: 'unreachable',
  tls_expired: 'browser_warning',
  tls_hostname: 'browser_warning',
  tls_untrusted: 'browser_warning',
  redirect_error: 'error_page',
  body_too_large: 'error_page',
  unsafe_target: null,
  network_error: 'unreachable',
  json_mismatch: 'unexpected_answer',
  header_mismatch: 'unexpected_answer',
  dns_servfail: 'name_unresolved',
  dns_timeout: 'name_unresolved',
  dns_wrong_answer: 'name_unresolved',
  heartbeat_missed: 'beat_missing',
  probe_error: null,
  upstream_down: 'own_page_down',
  upstream_degraded: 'own_page_degraded',
  upstream_maintenance: null,
  upstream_unreadable: null,
};

/** The finding for a check's last outcome, or null when it says nothing about the service. */
export function checkFinding(kind: CheckKind, outcome: CheckOutcome | null, step: number | null): CheckFinding | null {
  if (outcome === null) return null;
  const finding = BY_OUTCOME[outcome];
  if (finding === null || finding === 'slow' || finding === 'own_page_down' || finding === 'own_page_degraded') return finding;
  if (kind === 'journey' && step !== null) return 'step_fails';
  // A port that refuses or drops connections is not a web site "unreachable": it turns callers away.
  if (kind === 'tcp' && (outcome === 'refused' || outcome === 'reset')) return 'refused';
  return finding;
}
