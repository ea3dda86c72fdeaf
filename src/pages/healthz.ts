import type { APIRoute } from 'astro';
import { sharedWebCache } from '../web/shared-web-cache.ts';

/** Liveness of the web process, a round trip to the store and the response cache's figures; never cached. */
export const GET: APIRoute = async ({ locals }) => {
  const started = performance.now();
  let store: 'ok' | 'unreachable' = 'ok';
  try {
    await locals.ctx.store.ping();
  } catch {
    store = 'unreachable';
  }
  const body = {
    status: store === 'ok' ? 'ok' : 'degraded',
    store,
    storeMs: Math.round(performance.now() - started),
    uptimeSeconds: Math.round(process.uptime()),
    cache: sharedWebCache().responses.stats(),
  };
  return new Response(JSON.stringify(body), {
    status: store === 'ok' ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};

export const HEAD = GET;
