/**
 * Follows redirects one hop at a time, so each hop goes through the same guarded connection
 * (address policy, deadline) as the first. Relative `Location` values resolve against the hop.
 */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Where the check has got to: the checker reads it to report the hop that failed. */
export interface HopTrail {
  url: string;
  redirects: number;
}

export type FollowResult = { kind: 'response'; response: Response } | { kind: 'redirect_error'; status: number; detail: string };

export async function followRedirects(
  trail: HopTrail,
  maxRedirects: number,
  request: (url: string) => Promise<Response>,
): Promise<FollowResult> {
  for (;;) {
    const response = await request(trail.url);
    if (!REDIRECT_STATUSES.has(response.status)) return { kind: 'response', response };
    await response.body?.cancel();
    const { status } = response;
    const location = response.headers.get('location');
    if (location === null || location.trim() === '') {
      return { kind: 'redirect_error', status, detail: `HTTP ${status} without a Location header` };
    }
    if (trail.redirects >= maxRedirects) {
      return { kind: 'redirect_error', status, detail: `more than ${maxRedirects} redirects` };
    }
    const next = URL.parse(location, trail.url);
    if (next === null || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      return { kind: 'redirect_error', status, detail: `unusable Location ${JSON.stringify(location.slice(0, 200))}` };
    }
    next.hash = '';
    trail.url = next.href;
    trail.redirects += 1;
  }
}
