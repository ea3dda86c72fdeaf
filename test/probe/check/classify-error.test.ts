import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/probe/check/classify-error.ts';
import { UNSAFE_TARGET_CODE } from '../../../src/net/guarded-agent.ts';

const coded = (code: string, message = `${code} happened`) => Object.assign(new Error(message), { code });
/** The shape ky and undici's fetch give: ky's error, then "fetch failed", then the socket's error. */
const wrapped = (inner: unknown) =>
  new Error('Request failed due to a network error', { cause: new TypeError('fetch failed', { cause: inner }) });

describe('classifyError', () => {
  it.each([
    ['ETIMEDOUT', 'timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
    ['ENOTFOUND', 'dns_nxdomain'],
    ['ENODATA', 'dns_nxdomain'],
    ['EAI_AGAIN', 'dns_temporary'],
    ['ESERVFAIL', 'dns_temporary'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['CERT_HAS_EXPIRED', 'tls_expired'],
    ['CERT_NOT_YET_VALID', 'tls_expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls_hostname'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls_untrusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls_untrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls_untrusted'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls_untrusted'],
    ['ERR_FR_TOO_MANY_REDIRECTS', 'redirect_error'],
    [UNSAFE_TARGET_CODE, 'unsafe_target'],
    ['HPE_INVALID_CONSTANT', 'network_error'],
    ['ENETUNREACH', 'network_error'],
  ])('%s, wrapped as fetch wraps it, is %s', (code, outcome) => {
    expect(classifyError(wrapped(coded(code))).outcome).toBe(outcome);
    expect(classifyError(coded(code)).outcome).toBe(outcome);
  });

  it('reads the code, not the message', () => {
    expect(classifyError(wrapped(coded('ECONNREFUSED', 'something unrelated'))).outcome).toBe('refused');
    expect(classifyError(wrapped(new Error('connect ECONNREFUSED 1.2.3.4:443'))).outcome).toBe('network_error');
  });

  it('treats "socket hang up" (code ECONNRESET) as a reset', () => {
    expect(classifyError(wrapped(coded('ECONNRESET', 'socket hang up')))).toEqual({
      outcome: 'reset',
      detail: 'ECONNRESET: socket hang up',
    });
  });

  it('looks inside AggregateError (every address of a happy-eyeballs connect failed)', () => {
    const aggregate = new AggregateError([coded('ENETUNREACH'), coded('ECONNREFUSED')], 'all failed');
    expect(classifyError(wrapped(aggregate)).outcome).toBe('refused');
  });

  it.each([
    [new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
    [new DOMException('This operation was aborted', 'AbortError')],
    [Object.assign(new Error('Request timed out'), { name: 'TimeoutError' })],
  ])('an abort or deadline (%s) is a timeout', (error) => {
    expect(classifyError(error).outcome).toBe('timeout');
    expect(classifyError(wrapped(error)).outcome).toBe('timeout');
  });

  it('keeps the outermost known cause when several are known', () => {
    const inner = coded('ECONNRESET');
    const outer = Object.assign(new Error('certificate', { cause: inner }), { code: 'CERT_HAS_EXPIRED' });
    expect(classifyError(outer).outcome).toBe('tls_expired');
  });

  it('survives non-errors and cycles, and keeps the detail short', () => {
    expect(classifyError('boom')).toEqual({ outcome: 'network_error', detail: 'boom' });
    expect(classifyError(undefined).outcome).toBe('network_error');
    const cyclic: Error & { cause?: unknown } = new Error('loop');
    cyclic.cause = cyclic;
    expect(classifyError(cyclic).outcome).toBe('network_error');
    const long = classifyError(coded('EWHATEVER', 'x'.repeat(1000)));
    expect(long.detail.length).toBeLessThanOrEqual(200);
  });

  it('describes the error that decided, code first', () => {
    expect(classifyError(wrapped(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND impots.gouv.fr')))).toEqual({
      outcome: 'dns_nxdomain',
      detail: 'getaddrinfo ENOTFOUND impots.gouv.fr',
    });
  });
});
