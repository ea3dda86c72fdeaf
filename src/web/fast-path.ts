import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheTarget } from './cache-rules.ts';
import { lenientTarget } from './lenient-query.ts';
import { replyFor } from './reply.ts';
import { refuseHead } from './request-limits.ts';
import type { WebCache } from './web-cache.ts';

/**
 * Answers a request from the web cache straight on the socket, when it holds a valid entry and
 * the data version is known without waiting. Returns false for everything else (misses, admin,
 * POST, a request with a body, a target the server refuses…), which then goes through the
 * server's checks and Astro as usual. A hit is the first thing the server tries, so it must cost
 * about what a bare node:http answer costs: one pass over the raw headers (never `req.headers`,
 * which node:http builds on first use), one Map lookup of the raw target, an index for the reply.
 */
export function createFastPath(webCache: WebCache): (req: IncomingMessage, res: ServerResponse) => boolean {
  // Request targets repeat under load: the cache key per raw target is kept (bounded).
  const keys = new Map<string, string | null>();
  const keyOf = (raw: string): string | null => {
    let key = keys.get(raw);
    if (key !== undefined) return key;
    key = null;
    // Judged as the server judges it before Astro: refused targets are not hits, unreadable queries are read leniently.
    if (refuseHead({ method: 'GET', url: raw, contentLength: undefined, transferEncoding: undefined }) === null) {
      try {
        key = cacheTarget('GET', new URL(lenientTarget(raw) ?? raw, 'http://fast-path.invalid'))?.key ?? null;
      } catch {
        key = null;
      }
    }
    if (keys.size >= 1024) keys.clear();
    keys.set(raw, key);
    return key;
  };
  return (req, res) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const head = readHead(req.rawHeaders);
    if (head.hasBody) return false;
    const key = keyOf(req.url ?? '/');
    const found = key === null ? null : webCache.responses.peek(key);
    if (!found) return false;
    const reply = replyFor(found.entry, found.outcome, { method, acceptEncoding: head.acceptEncoding, ifNoneMatch: head.ifNoneMatch });
    res.writeHead(reply.status, reply.flatHeaders);
    res.end(reply.body ?? undefined);
    return true;
  };
}

interface Head {
  /** A declared length or a transfer coding: such requests take the server's own checks. */
  hasBody: boolean;
  acceptEncoding: string | null;
  ifNoneMatch: string | null;
}

/** The request headers a hit depends on, from the raw list; repeated ones joined as node:http joins them. */
function readHead(raw: string[]): Head {
  const head: Head = { hasBody: false, acceptEncoding: null, ifNoneMatch: null };
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // Lengths first: most headers are skipped without lower-casing their name.
    if (name.length === 15 && name.toLowerCase() === 'accept-encoding') head.acceptEncoding = join(head.acceptEncoding, raw[i + 1]!);
    else if (name.length === 13 && name.toLowerCase() === 'if-none-match') head.ifNoneMatch = join(head.ifNoneMatch, raw[i + 1]!);
    else if (
      (name.length === 14 && name.toLowerCase() === 'content-length') ||
      (name.length === 17 && name.toLowerCase() === 'transfer-encoding')
    )
      head.hasBody = true;
  }
  return head;
}

function join(previous: string | null, value: string): string {
  return previous === null ? value : `${previous}, ${value}`;
}
