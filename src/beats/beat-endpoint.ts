import type { APIRoute } from 'astro';
import type { Catalogue } from '../config/services-schema.ts';
import { t } from '../i18n/index.ts';
import type { Store } from '../store/store.ts';
import { clientAddress } from '../web/client-address.ts';
import { beatTokens } from './beat-tokens.ts';
import { createBeatPush, PUSHES_PER_MINUTE, type PushAnswer } from './push-beat.ts';
import { createWindowLimiter } from './window-limiter.ts';

/**
 * The `POST /api/heartbeat/<token>` handler of the web process. The push (tokens, limiter) is made
 * once per site context, the composition root's, and what stops a heartbeat service from being
 * pushed is logged then, once, with the catalogue path to fix.
 */

interface PushContext {
  catalogue: Catalogue;
  store: Pick<Store, 'recordServiceBeat'>;
  settings: { VIGIE_TRUSTED_PROXIES: readonly string[] };
}

type Push = ReturnType<typeof createBeatPush>;
const pushes = new WeakMap<PushContext, Push>();

function pushFor(ctx: PushContext, env: Record<string, string | undefined>): Push {
  let push = pushes.get(ctx);
  if (!push) {
    const tokens = beatTokens(ctx.catalogue, env);
    for (const problem of tokens.problems) console.error(`vigie-web: ${problem}`);
    push = createBeatPush({
      tokens,
      store: ctx.store,
      limiter: createWindowLimiter({ limit: PUSHES_PER_MINUTE, windowMs: 60_000, now: Date.now }),
      now: () => new Date(),
      onError: (error) => console.error('vigie-web: a heartbeat could not be stored:', error),
    });
    pushes.set(ctx, push);
  }
  return push;
}

const STATUS: Record<PushAnswer, number> = { recorded: 202, unknown: 404, too_many: 429, unavailable: 503 };
const WORDS = { recorded: 'recorded', unknown: 'unknown', too_many: 'tooMany', unavailable: 'unavailable' } as const;

export function heartbeatEndpoint(env: Record<string, string | undefined>): APIRoute {
  return async ({ locals, params, request, clientAddress: socketAddress }) => {
    const ctx = locals.ctx;
    const client = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), ctx.settings.VIGIE_TRUSTED_PROXIES);
    const answer = await pushFor(ctx, env)(params.token ?? '', client);
    const text = `${t('fr').checks.push[WORDS[answer]]}\n${t('en').checks.push[WORDS[answer]]}\n`;
    return new Response(text, {
      status: STATUS[answer],
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(answer === 'too_many' ? { 'Retry-After': '60' } : {}),
      },
    });
  };
}
