/**
 * Recognises the pages anti-bot services serve instead of the site. Such a page says the probe was
 * filtered, not that citizens cannot reach the service. Markers are ones that appear on challenge
 * or block pages only: the same vendors also inject scripts into normal pages, which must not match.
 *
 * Any checked site (or anything it redirects to) chooses the body, so every marker is found in
 * time linear in the text, and only the start of the body is read: challenge pages are small and
 * say who they are near the top.
 */
export const CHALLENGE_SCAN_CHARS = 64 * 1024;

interface Marker {
  vendor: string;
  /** `text` is the start of the body, and the same lower-cased for case-insensitive markers. */
  found: (text: string, lower: string) => boolean;
}

const BODY_MARKERS: readonly Marker[] = [
  { vendor: 'Cloudflare', found: (_, lower) => titleIs(lower, 'just a moment...') },
  { vendor: 'Cloudflare', found: (_, lower) => lower.includes('attention required! | cloudflare') },
  { vendor: 'Cloudflare', found: (text) => ['cf-chl', '_cf_chl_opt', 'cf-browser-verification'].some((m) => text.includes(m)) },
  { vendor: 'DataDome', found: (text) => text.includes('geo.captcha-delivery.com') || text.includes('ct.captcha-delivery.com') },
  { vendor: 'Akamai', found: (text, lower) => text.includes('errors.edgesuite.net') || titleThen(lower, 'access denied', 'reference #') },
  { vendor: 'Imperva', found: (text) => text.includes('_Incapsula_Resource') || text.includes('Incapsula incident ID') },
  { vendor: 'AWS WAF', found: (text) => text.includes('AwsWafIntegration') || sameLine(text, 'awswaf.com/', 'challenge') },
];

export interface ChallengeInput {
  status: number;
  headers: Headers;
  /** The start of the decoded body (the checker's capped read). */
  body: string;
}

/** The vendor whose challenge or block page this is, or null. */
export function detectChallenge({ status, headers, body }: ChallengeInput): string | null {
  if (headers.get('cf-mitigated')?.toLowerCase() === 'challenge') return 'Cloudflare';
  if (status === 403 && headers.has('x-datadome')) return 'DataDome';
  if (status === 403 && (headers.get('server') ?? '').toLowerCase().includes('akamaighost')) return 'Akamai';
  const text = body.slice(0, CHALLENGE_SCAN_CHARS);
  const lower = text.toLowerCase();
  return BODY_MARKERS.find((marker) => marker.found(text, lower))?.vendor ?? null;
}

/** A `<title>` of the page holds `title`, give or take surrounding white space. */
function titleIs(lower: string, title: string): boolean {
  return titleEnd(lower, title) >= 0;
}

/** Where the first `<title>` holding `title` ends, or -1. */
function titleEnd(lower: string, title: string): number {
  let open = lower.indexOf('<title>');
  while (open >= 0) {
    const close = lower.indexOf('</title>', open);
    if (close < 0) return -1;
    if (lower.slice(open + '<title>'.length, close).trim() === title) return close;
    open = lower.indexOf('<title>', close);
  }
  return -1;
}

/** A page titled `title` that says `then` after that title. */
function titleThen(lower: string, title: string, then: string): boolean {
  const end = titleEnd(lower, title);
  return end >= 0 && lower.includes(then, end);
}

/** `first`, then `then` later on the same line. One pass: no stretch of the text is searched twice. */
function sameLine(text: string, first: string, then: string): boolean {
  let from = 0;
  let next = -1;
  for (;;) {
    const start = text.indexOf(first, from);
    if (start < 0) return false;
    if (next < start + first.length) next = text.indexOf(then, start + first.length);
    if (next < 0) return false;
    const lineEnd = endOfLine(text, start);
    if (next < lineEnd) return true;
    from = lineEnd + 1;
  }
}

function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return text.length;
}
