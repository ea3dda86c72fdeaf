import type { ResponseAssertions } from '../../config/service-check.ts';
import type { CheckOutcome } from '../../domain/vocabulary.ts';
import { detectChallenge } from './detect-challenge.ts';
import { assertionFailure } from './response-assertions.ts';
import { parseExpectStatus, statusMatches } from './expect-status.ts';

/**
 * Decides the outcome of a check that got a final response. Pure. Order matters: an anti-bot
 * page explains an odd status, a wrong status explains an odd body (missing keyword, broken
 * assertion), and only a response that is otherwise good can be merely slow.
 */

export interface ResponseFacts {
  status: number;
  headers: Headers;
  /** Decoded body, at most the cap. */
  body: string;
  /** The body went past the cap and was not read to the end. */
  tooLarge: boolean;
  latencyMs: number;
}

export interface ResponseExpectations {
  expectStatus: string;
  keyword: string | null;
  slowMs: number;
  /** JSON and header assertions (catalogue `check.expect`); none when absent. */
  assertions?: ResponseAssertions;
}

export interface ResponseClassification {
  outcome: CheckOutcome;
  detail: string | null;
}

export function classifyResponse(facts: ResponseFacts, expected: ResponseExpectations): ResponseClassification {
  const { status, latencyMs } = facts;
  const vendor = detectChallenge(facts);
  if (vendor !== null) return { outcome: 'blocked', detail: `${vendor} challenge page (HTTP ${status})` };
  const expectedStatus = statusMatches(status, parseExpectStatus(expected.expectStatus));
  if (!expectedStatus && (status === 403 || status === 429)) {
    return { outcome: 'blocked', detail: `HTTP ${status}: the probe was refused, not necessarily citizens` };
  }
  if (!expectedStatus) {
    // The outcome set has no class for an unexpected 1xx-3xx; it is a mismatch on the client's side.
    return {
      outcome: status >= 500 ? 'http_5xx' : 'http_4xx',
      detail: `HTTP ${status}, expected ${expected.expectStatus}`,
    };
  }
  if (facts.tooLarge) return { outcome: 'body_too_large', detail: 'body larger than the cap after decompression' };
  if (expected.keyword !== null && !facts.body.includes(expected.keyword)) {
    return { outcome: 'keyword_missing', detail: `keyword ${JSON.stringify(expected.keyword)} not in the body` };
  }
  const broken = expected.assertions ? assertionFailure(facts.headers, facts.body, expected.assertions) : null;
  if (broken !== null) return broken;
  if (latencyMs > expected.slowMs) {
    return { outcome: 'slow', detail: `${Math.round(latencyMs)} ms, above ${expected.slowMs} ms` };
  }
  return { outcome: 'ok', detail: null };
}
