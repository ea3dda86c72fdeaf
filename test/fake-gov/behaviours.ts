/**
 * What one fake service does when asked. Values, so a test or the demo script can switch a
 * service's behaviour at run time with `fakeGov.set(name, behaviour)`.
 */

/** Text every healthy fake page contains: use it as the service's `keyword`. */
export const FAKE_KEYWORD = 'Service en ligne disponible';

export type Behaviour =
  | { kind: 'up' }
  | { kind: 'slow'; ms: number }
  | { kind: 'status'; code: number }
  | { kind: 'hang' }
  | { kind: 'slowDrip'; everyMs: number }
  | { kind: 'refuse' }
  | { kind: 'reset' }
  | { kind: 'redirectLoop' }
  | { kind: 'redirects'; count: number }
  | { kind: 'redirectTo'; url: string }
  | { kind: 'hugeBody' }
  | { kind: 'gzipBomb' }
  | { kind: 'missingKeyword' }
  | { kind: 'challenge'; status: number }
  | { kind: 'flap'; pattern: readonly Behaviour[] };

/** 200 with a small page containing FAKE_KEYWORD. */
export const up = (): Behaviour => ({ kind: 'up' });
/** Waits `ms`, then answers like `up`. */
export const slow = (ms: number): Behaviour => ({ kind: 'slow', ms });
/** Answers `code` with a small error page (no keyword). */
export const status = (code: number): Behaviour => ({ kind: 'status', code });
/** Reads the request and never answers. */
export const hang = (): Behaviour => ({ kind: 'hang' });
/** Sends 200 headers at once, then one body byte every `everyMs` (default 1 s), forever. */
export const slowDrip = (everyMs = 1000): Behaviour => ({ kind: 'slowDrip', everyMs });
/** Redirects to a port where nothing listens, so the client's connection is refused. */
export const refuse = (): Behaviour => ({ kind: 'refuse' });
/** Resets the TCP connection (RST) as soon as the request arrives. */
export const reset = (): Behaviour => ({ kind: 'reset' });
/** Redirects to itself, forever. */
export const redirectLoop = (): Behaviour => ({ kind: 'redirectLoop' });
/** Redirects `count` times (relative Location), then answers like `up`. */
export const redirects = (count: number): Behaviour => ({ kind: 'redirects', count });
/** 302 to `url` (absolute or relative). */
export const redirectTo = (url: string): Behaviour => ({ kind: 'redirectTo', url });
/** 200 with an endless body (sent as fast as the client reads). */
export const hugeBody = (): Behaviour => ({ kind: 'hugeBody' });
/** 200, `Content-Encoding: gzip`, tiny on the wire, endless once decompressed. */
export const gzipBomb = (): Behaviour => ({ kind: 'gzipBomb' });
/** 200 with a page that lacks FAKE_KEYWORD. */
export const missingKeyword = (): Behaviour => ({ kind: 'missingKeyword' });
/** A Cloudflare-style "Just a moment..." anti-bot page, 403 unless told otherwise. */
export const challenge = (code = 403): Behaviour => ({ kind: 'challenge', status: code });
/** Cycles through `pattern`, one step per request (e.g. `[up(), status(500)]`). */
export const flap = (pattern: readonly Behaviour[]): Behaviour => ({ kind: 'flap', pattern });
