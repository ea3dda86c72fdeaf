import type { MiddlewareHandler } from 'astro';
import { loadSettings } from '../config/settings.ts';
import type { SiteContext } from './context.ts';
import { StoreUnreachableError } from './last-reads.ts';
import { unavailableResponse } from './unavailable.ts';

/**
 * The first middleware: opens the site context and turns "the store cannot be reached and there
 * is nothing remembered to show" into a bilingual 503 with Retry-After, never a 404 or a 500.
 * `/healthz` says so in JSON. Other errors go on to Astro's own handling.
 */
export function createStoreOutageMiddleware(openContext: () => Promise<SiteContext>): MiddlewareHandler {
  const lastLogged = { cold: 0, unread: 0 };
  const logOnce = (kind: keyof typeof lastLogged, message: string) => {
    if (Date.now() - lastLogged[kind] < 60_000) return;
    lastLogged[kind] = Date.now();
    console.error(message);
  };
  return async (context, next) => {
    let ctx: SiteContext;
    try {
      ctx = await openContext();
    } catch (error) {
      logOnce(
        'cold',
        `vigie-site: cannot open the store (${error instanceof Error ? error.message : String(error)}); answering 503 until it can`,
      );
      return context.url.pathname === '/healthz' ? coldHealth(error) : unavailableResponse(context.url.pathname, publicUrl());
    }
    context.locals.ctx = ctx;
    try {
      return await next();
    } catch (error) {
      if (!isStoreUnreachable(error)) throw error;
      logOnce('unread', `vigie-site: the store does not answer and ${context.url.pathname} was never read before; answering 503`);
      return unavailableResponse(context.url.pathname, ctx.settings.VIGIE_PUBLIC_URL);
    }
  };
}

function isStoreUnreachable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof StoreUnreachableError) return true;
  return false;
}

function publicUrl(): string {
  try {
    return loadSettings().VIGIE_PUBLIC_URL;
  } catch {
    return 'http://127.0.0.1';
  }
}

function coldHealth(error: unknown): Response {
  const body = {
    status: 'unavailable',
    store: 'unreachable',
    serving: 'nothing',
    detail: `nothing read from the store since start-up: ${error instanceof Error ? error.message : String(error)}`,
    uptimeSeconds: Math.round(process.uptime()),
  };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '30' },
  });
}
