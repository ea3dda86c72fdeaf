import type { APIRoute } from 'astro';
import { sharedWebCache } from '../web/shared-web-cache.ts';
import { supervisorReport } from '../supervise/report.ts';
import { confirmationsLastHour } from '../notify/subscribe-actions.ts';

/**
 * Liveness of the web process, a round trip to the store, what the pages are rendered from (live
 * reads, or the last reads kept in memory while the store does not answer), the troubles the store got over by
 * itself, the response cache's
 * figures and, under `npm start`, the restarts of both processes; never cached. A process serving
 * its last reads is still worth sending visitors to (200, "degraded"); one with nothing to serve
 * answers 503 from the outage middleware.
 */
export const GET: APIRoute = async ({ locals }) => {
  const started = performance.now();
  let store: 'ok' | 'unreachable' = 'ok';
  try {
    await locals.ctx.store.ping();
  } catch {
    store = 'unreachable';
  }
  const since = locals.ctx.storeUnreachableSince();
  const body = {
    status: store === 'ok' ? 'ok' : 'degraded',
    store,
    storeMs: Math.round(performance.now() - started),
    serving: store === 'ok' && since === null ? 'live' : 'last-known',
    storeUnreachableSince: since?.toISOString() ?? null,
    lastReads: locals.ctx.storeReach.stats(),
    storeRecovered: locals.ctx.storeRecovered.counts(),
    uptimeSeconds: Math.round(process.uptime()),
    cache: sharedWebCache().responses.stats(),
    confirmationEmails: locals.ctx.mail
      ? await confirmationsLastHour(locals.ctx.store, locals.ctx.settings.VIGIE_CONFIRMATION_EMAILS_PER_HOUR, new Date()).catch(() => null)
      : null,
    supervisor: supervisorReport(),
  };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};

export const HEAD = GET;
