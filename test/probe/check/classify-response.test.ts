import { describe, expect, it } from 'vitest';
import { classifyResponse, type ResponseFacts } from '../../../src/probe/check/classify-response.ts';
import { CHALLENGE_SCAN_CHARS, detectChallenge } from '../../../src/probe/check/detect-challenge.ts';
import { parseExpectStatus, statusMatches } from '../../../src/probe/check/expect-status.ts';

const expected = { expectStatus: '200-399', keyword: 'Bienvenue', slowMs: 3000 };
const facts = (over: Partial<ResponseFacts> = {}): ResponseFacts => ({
  status: 200,
  headers: new Headers(),
  body: '<p>Bienvenue sur le service</p>',
  tooLarge: false,
  latencyMs: 120,
  ...over,
});

describe('classifyResponse', () => {
  it.each<[string, Partial<ResponseFacts>, Partial<typeof expected>, string]>([
    ['a good page', {}, {}, 'ok'],
    ['a good page without keyword configured', { body: 'x' }, { keyword: null as unknown as string }, 'ok'],
    ['a redirect status inside the range', { status: 304 }, {}, 'ok'],
    ['slow but correct', { latencyMs: 3001 }, {}, 'slow'],
    ['exactly at the threshold', { latencyMs: 3000 }, {}, 'ok'],
    ['500', { status: 500 }, {}, 'http_5xx'],
    ['503 that is also slow', { status: 503, latencyMs: 9000 }, {}, 'http_5xx'],
    ['404', { status: 404 }, {}, 'http_4xx'],
    ['410', { status: 410 }, {}, 'http_4xx'],
    ['204 when only 200 is expected', { status: 204 }, { expectStatus: '200' }, 'http_4xx'],
    ['403', { status: 403 }, {}, 'blocked'],
    ['429', { status: 429 }, {}, 'blocked'],
    ['a 403 a service declares as expected', { status: 403 }, { expectStatus: '200,403' }, 'ok'],
    ['a challenge page with status 200', { body: '<title>Just a moment...</title>' }, {}, 'blocked'],
    ['a challenge page with status 503', { status: 503, body: '<title>Just a moment...</title>' }, {}, 'blocked'],
    ['keyword missing', { body: '<p>Maintenance</p>' }, {}, 'keyword_missing'],
    ['keyword in another case', { body: '<p>BIENVENUE</p>' }, {}, 'keyword_missing'],
    ['too large', { tooLarge: true }, {}, 'body_too_large'],
    ['too large with a 500', { status: 500, tooLarge: true }, {}, 'http_5xx'],
    ['keyword missing and slow', { body: 'x', latencyMs: 5000 }, {}, 'keyword_missing'],
  ])('%s → %s', (_label, over, exp, outcome) => {
    expect(classifyResponse(facts(over), { ...expected, ...exp }).outcome).toBe(outcome);
  });

  it('says why in the detail', () => {
    expect(classifyResponse(facts({ status: 502 }), expected).detail).toBe('HTTP 502, expected 200-399');
    expect(classifyResponse(facts({ latencyMs: 4200.4 }), expected).detail).toBe('4200 ms, above 3000 ms');
    expect(classifyResponse(facts(), expected).detail).toBeNull();
  });
});

describe('detectChallenge', () => {
  const page = (body: string, status = 403, headers: Record<string, string> = {}) =>
    detectChallenge({ status, headers: new Headers(headers), body });

  it.each([
    ['Cloudflare', page('<html><head><title>Just a moment...</title></head></html>', 503)],
    ['Cloudflare', page('<title>Attention Required! | Cloudflare</title>')],
    ['Cloudflare', page('<script>window._cf_chl_opt={}</script>', 200)],
    ['Cloudflare', page('<form id="challenge-form" action="/?__cf_chl_tk=abc" class="cf-chl-widget">')],
    ['Cloudflare', page('', 200, { 'cf-mitigated': 'challenge' })],
    ['DataDome', page('<script src="https://ct.captcha-delivery.com/c.js"></script>')],
    ['DataDome', page('{"url":"https://geo.captcha-delivery.com/captcha/?initialCid=x"}')],
    ['DataDome', page('blocked', 403, { 'x-datadome': 'protected' })],
    ['Akamai', page('<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>Reference #18.abc</BODY></HTML>')],
    ['Akamai', page('https://errors.edgesuite.net/18.abc')],
    ['Akamai', page('denied', 403, { server: 'AkamaiGHost' })],
    ['Imperva', page('<iframe src="/_Incapsula_Resource?CWUDNSAI=1"></iframe>', 200)],
    ['AWS WAF', page('<script src="https://abc.token.awswaf.com/abc/challenge.js"></script>', 202)],
    ['AWS WAF', page('line one awswaf.com/\nawswaf.com/x/y challenge', 202)],
    ['Akamai', page('<svg><title>logo</title></svg><title> Access Denied </title> … Reference #18')],
  ])('recognises %s', (vendor, found) => {
    expect(found).toBe(vendor);
  });

  it.each([
    ['a normal page with the Cloudflare analytics script', '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>'],
    ['a normal page with the DataDome tag', '<script src="https://js.datadome.co/tags.js"></script>'],
    ['a page that talks about a moment', '<p>Just a moment, we are loading your file</p>'],
    ['AWS WAF host and the word on different lines', 'see awswaf.com/docs\nthe challenge of the day'],
    ['an Access Denied title with no reference after it', 'Reference #1 <title>Access Denied</title>'],
    ['a marker past the examined start of the body', `${'x'.repeat(CHALLENGE_SCAN_CHARS)}_cf_chl_opt`],
  ])('ignores %s', (_label, body) => {
    expect(page(body, 200, { 'x-datadome': 'protected', server: 'AkamaiGHost' })).toBeNull();
  });
});

describe('expectStatus', () => {
  it.each<[string, number, boolean]>([
    ['200-399', 200, true],
    ['200-399', 399, true],
    ['200-399', 400, false],
    ['200-399', 199, false],
    ['200', 200, true],
    ['200', 201, false],
    ['200,301-302', 302, true],
    ['200,301-302', 303, false],
    ['200,403', 403, true],
  ])('%s matches %i: %s', (spec, status, matches) => {
    expect(statusMatches(status, parseExpectStatus(spec))).toBe(matches);
  });
});
