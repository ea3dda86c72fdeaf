import type { CheckOutcome } from '../../domain/vocabulary.ts';
import { UNSAFE_TARGET_CODE } from '../../net/guarded-agent.ts';

/**
 * Turns whatever a failed request threw into an outcome, from error codes and names only: message
 * text changes between Node versions and locales, codes do not. fetch (undici) and ky wrap the
 * real error in `cause` (and happy-eyeballs in AggregateError `errors`), so the whole tree is read.
 */

const BY_CODE: Readonly<Record<string, CheckOutcome>> = {
  [UNSAFE_TARGET_CODE]: 'unsafe_target',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOTFOUND: 'dns_nxdomain',
  ENODATA: 'dns_nxdomain',
  EAI_NONAME: 'dns_nxdomain',
  EAI_AGAIN: 'dns_temporary',
  EAI_FAIL: 'dns_temporary',
  ESERVFAIL: 'dns_temporary',
  ETIMEOUT: 'dns_temporary',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  CERT_HAS_EXPIRED: 'tls_expired',
  CERT_NOT_YET_VALID: 'tls_expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls_hostname',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls_untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls_untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls_untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls_untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls_untrusted',
  CERT_UNTRUSTED: 'tls_untrusted',
  CERT_REVOKED: 'tls_untrusted',
  CERT_REJECTED: 'tls_untrusted',
  CERT_SIGNATURE_FAILURE: 'tls_untrusted',
  INVALID_CA: 'tls_untrusted',
  ERR_FR_TOO_MANY_REDIRECTS: 'redirect_error',
  ERR_INVALID_REDIRECT: 'redirect_error',
};

/** Abort reasons carry a name, not a code: a deadline is a timeout, so is any other cancellation. */
const BY_NAME: Readonly<Record<string, CheckOutcome>> = {
  TimeoutError: 'timeout',
  AbortError: 'timeout',
};

export interface ErrorClassification {
  outcome: CheckOutcome;
  detail: string;
}

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Every error reachable from `error` through `cause` and `errors`, outermost first. */
function errorTree(error: unknown): ErrorLike[] {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  const out: ErrorLike[] = [];
  while (queue.length > 0 && out.length < 32) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as ErrorLike;
    out.push(e);
    queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return out;
}

function describe(e: ErrorLike): string {
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : '';
  const text = message && !message.includes(code) ? `${code}: ${message}` : message || code;
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

export function classifyError(error: unknown): ErrorClassification {
  const tree = errorTree(error);
  for (const e of tree) {
    const byCode = typeof e.code === 'string' ? BY_CODE[e.code] : undefined;
    if (byCode) return { outcome: byCode, detail: describe(e) };
    const byName = typeof e.name === 'string' ? BY_NAME[e.name] : undefined;
    if (byName) return { outcome: byName, detail: describe(e) };
  }
  const deepest = [...tree].reverse().find((e) => typeof e.code === 'string') ?? tree.at(-1);
  return { outcome: 'network_error', detail: deepest ? describe(deepest) : String(error) };
}
