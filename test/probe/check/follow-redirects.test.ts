import { describe, expect, it } from 'vitest';
import { followRedirects, type HopTrail } from '../../../src/probe/check/follow-redirects.ts';

/** Scripted answers keyed by URL: a redirect (Location) or a final status. */
function scripted(answers: Record<string, { status: number; location?: string }>) {
  const asked: string[] = [];
  const request = async (url: string) => {
    asked.push(url);
    const answer = answers[url] ?? { status: 404 };
    const headers = answer.location === undefined ? undefined : { location: answer.location };
    return new Response(answer.status >= 300 && answer.status < 400 ? null : 'body', { status: answer.status, headers });
  };
  return { asked, request };
}

const trailFrom = (url: string): HopTrail => ({ url, redirects: 0 });

describe('followRedirects', () => {
  it('resolves relative, absolute and protocol-relative Locations against each hop', async () => {
    const { asked, request } = scripted({
      'https://a.example/start': { status: 301, location: '/next?x=1' },
      'https://a.example/next?x=1': { status: 302, location: '//b.example/other#frag' },
      'https://b.example/other': { status: 307, location: 'http://c.example/final' },
      'http://c.example/final': { status: 200 },
    });
    const trail = trailFrom('https://a.example/start');
    const result = await followRedirects(trail, 5, request);
    expect(result.kind).toBe('response');
    expect(trail).toEqual({ url: 'http://c.example/final', redirects: 3 });
    expect(asked).toHaveLength(4);
  });

  it('allows exactly the maximum number of redirects and refuses one more', async () => {
    const chain = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n + 1 }, (_, i) => [
          `https://a.example/${i}`,
          i < n ? { status: 302, location: `/${i + 1}` } : { status: 200 },
        ]),
      );
    expect((await followRedirects(trailFrom('https://a.example/0'), 5, scripted(chain(5)).request)).kind).toBe('response');
    const six = scripted(chain(6));
    const result = await followRedirects(trailFrom('https://a.example/0'), 5, six.request);
    expect(result).toEqual({ kind: 'redirect_error', status: 302, detail: 'more than 5 redirects' });
    expect(six.asked).toHaveLength(6);
  });

  it.each([
    ['no Location', { status: 302 }, 'HTTP 302 without a Location header'],
    ['an empty Location', { status: 302, location: '  ' }, 'HTTP 302 without a Location header'],
    ['a non-http scheme', { status: 302, location: 'javascript:alert(1)' }, 'unusable Location "javascript:alert(1)"'],
    ['a file URL', { status: 308, location: 'file:///etc/passwd' }, 'unusable Location "file:///etc/passwd"'],
    ['an unparsable URL', { status: 301, location: 'http://[not-an-ip/' }, 'unusable Location "http://[not-an-ip/"'],
  ])('reports %s as a redirect error', async (_label, answer, detail) => {
    const { request } = scripted({ 'https://a.example/': answer });
    const status = answer.status;
    expect(await followRedirects(trailFrom('https://a.example/'), 5, request)).toEqual({ kind: 'redirect_error', status, detail });
  });

  it('treats 300 and 304 as final responses', async () => {
    for (const status of [300, 304]) {
      const { request } = scripted({ 'https://a.example/': { status } });
      expect((await followRedirects(trailFrom('https://a.example/'), 5, request)).kind).toBe('response');
    }
  });
});
