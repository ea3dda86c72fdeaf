/**
 * Recognises the pages anti-bot services serve instead of the site. Such a page says the probe was
 * filtered, not that citizens cannot reach the service. Markers are ones that appear on challenge
 * or block pages only: the same vendors also inject scripts into normal pages, which must not match.
 */

interface Marker {
  vendor: string;
  pattern: RegExp;
}

const BODY_MARKERS: readonly Marker[] = [
  { vendor: 'Cloudflare', pattern: /<title>\s*Just a moment\.\.\.\s*<\/title>/i },
  { vendor: 'Cloudflare', pattern: /Attention Required! \| Cloudflare/i },
  { vendor: 'Cloudflare', pattern: /cf-chl|_cf_chl_opt|cf-browser-verification/ },
  { vendor: 'DataDome', pattern: /(?:geo|ct)\.captcha-delivery\.com/ },
  { vendor: 'Akamai', pattern: /errors\.edgesuite\.net|<title>\s*Access Denied\s*<\/title>[\s\S]*Reference #/i },
  { vendor: 'Imperva', pattern: /_Incapsula_Resource|Incapsula incident ID/ },
  { vendor: 'AWS WAF', pattern: /awswaf\.com\/.*challenge|AwsWafIntegration/ },
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
  if (status === 403 && /AkamaiGHost/i.test(headers.get('server') ?? '')) return 'Akamai';
  return BODY_MARKERS.find((marker) => marker.pattern.test(body))?.vendor ?? null;
}
