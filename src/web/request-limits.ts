import { t } from '../i18n/index.ts';

/**
 * What one request to the site may cost, checked before any of it is buffered or routed. Each
 * refusal has its HTTP status and a short message in both languages.
 */
export const REQUEST_LIMITS = {
  /** Request target (path and query): every real address is far shorter; a pasted search query fits. */
  urlChars: 12 * 1024,
  /** All request headers together (Node's parser answers 431 past it). */
  headerBytes: 16 * 1024,
  headersCount: 100,
  /** Form and JSON bodies: the longest staff notice (2 × 20,000 characters, percent-encoded) fits. */
  bodyBytes: 512 * 1024,
  /** Fields of one form: a notice's fields plus one impact per service of a large catalogue. */
  formFields: 1000,
  /** A client has this long to send its headers, and this long for the whole request. */
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  /** How often Node enforces the two timeouts (its default, 30 s, let slow headers live that long). */
  connectionsCheckingIntervalMs: 1_000,
} as const;

export const REFUSALS = [
  'uri_too_long',
  'headers_too_large',
  'body_too_large',
  'length_required',
  'too_many_fields',
  'bad_request',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export const REFUSAL_STATUS: Record<Refusal, number> = {
  uri_too_long: 414,
  headers_too_large: 431,
  body_too_large: 413,
  length_required: 411,
  too_many_fields: 413,
  bad_request: 400,
};

export interface RequestHead {
  method: string;
  /** The raw request target. */
  url: string;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  /** The most this route's body may hold (`bodyCapFor`); the general cap when not given. */
  bodyCap?: number;
}

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** Why a request is refused from its head alone, or null (pure). */
export function refuseHead(head: RequestHead): Refusal | null {
  if (head.url.length > REQUEST_LIMITS.urlChars) return 'uri_too_long';
  // A NUL in a path is never meaningful, and PostgreSQL refuses it in any text value (routes look
  // path segments up). Query values are each read by their own rule, which a NUL does not pass.
  const path = head.url.split('?', 1)[0] ?? '';
  if (path.includes('\0') || /%00/i.test(path)) return 'bad_request';
  if (head.contentLength !== undefined) {
    const length = Number(head.contentLength);
    if (!/^\d{1,15}$/.test(head.contentLength) || !Number.isSafeInteger(length)) return 'bad_request';
    return length > (head.bodyCap ?? REQUEST_LIMITS.bodyBytes) ? 'body_too_large' : null;
  }
  // Without a declared length the body could only be bounded by reading it: browsers always declare it.
  if (head.transferEncoding !== undefined && !BODYLESS.has(head.method.toUpperCase())) return 'length_required';
  return null;
}

/** The refusal's plain-text body, French then English; `bodyCap` is the route's, when it has its own. */
export function refusalText(refusal: Refusal, bodyCap: number = REQUEST_LIMITS.bodyBytes): string {
  const message = (locale: 'fr' | 'en'): string => {
    const d = t(locale).limits;
    const text: Record<Refusal, string> = {
      uri_too_long: d.uriTooLong(REQUEST_LIMITS.urlChars),
      headers_too_large: d.headersTooLarge,
      body_too_large: d.bodyTooLarge(Math.ceil(bodyCap / 1024)),
      length_required: d.lengthRequired,
      too_many_fields: d.tooManyFields(REQUEST_LIMITS.formFields),
      bad_request: d.badRequest,
    };
    return text[refusal];
  };
  return `${message('fr')}\n${message('en')}\n`;
}
