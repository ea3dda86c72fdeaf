import { throttleSubject } from '../web/client-address.ts';
import type { Store } from '../store/store.ts';
import type { BeatTokens } from './beat-tokens.ts';
import type { WindowLimiter } from './window-limiter.ts';

/**
 * `POST /api/heartbeat/<token>`: a service says it is alive. The web process only writes the beat;
 * the probe's heartbeat check decides, like any check, whether a beat is missing. The answer is
 * the same for every service and never names one: recorded, unknown token, too many pushes.
 */

export const PUSH_ANSWERS = ['recorded', 'unknown', 'too_many', 'unavailable'] as const;
export type PushAnswer = (typeof PUSH_ANSWERS)[number];

export interface BeatPushDeps {
  tokens: BeatTokens;
  store: Pick<Store, 'recordServiceBeat'>;
  limiter: WindowLimiter;
  now: () => Date;
  onError: (error: unknown) => void;
}

/** Pushes per client (an IPv4 address, or an IPv6 /64) per minute on one web process. */
export const PUSHES_PER_MINUTE = 60;

export function createBeatPush(deps: BeatPushDeps): (token: string, client: string) => Promise<PushAnswer> {
  return async (token, client) => {
    // Counted before the token is looked at: guessing costs the same budget as pushing.
    if (!deps.limiter.allow(throttleSubject(client))) return 'too_many';
    const serviceId = token.length > 512 ? null : deps.tokens.serviceFor(token);
    if (serviceId === null) return 'unknown';
    try {
      await deps.store.recordServiceBeat(serviceId, deps.now());
      return 'recorded';
    } catch (error) {
      deps.onError(error);
      return 'unavailable';
    }
  };
}
