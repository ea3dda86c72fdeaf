import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheTarget, type CacheTarget } from './cache-rules.ts';
import { replyFor } from './reply.ts';
import type { WebCache } from './web-cache.ts';

/**
 * Answers a request from the web cache straight on the socket, when it holds a valid entry and
 * the data version is known without waiting. Returns false for everything else (misses, admin,
 * POST…), which then goes through Astro and its middleware as usual.
 */
export function createFastPath(webCache: WebCache): (req: IncomingMessage, res: ServerResponse) => boolean {
  // Request targets repeat under load: the parsed answer per raw target is kept (bounded).
  const targets = new Map<string, CacheTarget | null>();
  const targetOf = (raw: string): CacheTarget | null => {
    let target = targets.get(raw);
    if (target !== undefined) return target;
    try {
      target = cacheTarget('GET', new URL(raw, 'http://fast-path.invalid'));
    } catch {
      target = null;
    }
    if (targets.size >= 1024) targets.clear();
    targets.set(raw, target);
    return target;
  };
  return (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const target = targetOf(req.url ?? '/');
    const found = target ? webCache.responses.peek(target.key) : null;
    if (!found) return false;
    const reply = replyFor(found.entry, found.outcome, {
      method,
      acceptEncoding: header(req, 'accept-encoding'),
      ifNoneMatch: header(req, 'if-none-match'),
    });
    res.writeHead(reply.status, reply.flatHeaders);
    res.end(reply.body ?? undefined);
    return true;
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}
