import { Webhook as Signer } from 'standardwebhooks';
import { fetch, type Dispatcher } from 'undici';
import type { AddressPolicy } from '../net/address-policy.ts';
import { createGuardedAgent } from '../net/guarded-agent.ts';
import type { ClaimedWebhookDelivery } from '../store/subscription-records.ts';
import type { Store } from '../store/store.ts';
import { nextAttempt } from './retry.ts';
import { webhookBody } from './webhook-payload.ts';
import type { ServiceAlternatives } from './message-items.ts';

export interface WebhookDeliveryDeps {
  store: Store;
  /** Named in the User-Agent, so receivers can tell (and allow-list) whose calls these are. */
  publicUrl: string;
  clock: () => Date;
  /** What an outage event tells receivers to do instead; none when absent. */
  alternatives?: ServiceAlternatives;
  /** The probe's SSRF guard: a webhook is a URL staff typed, it must not reach private networks. */
  policy: AddressPolicy | null;
  timeoutMs: number;
  leaseMs: number;
  /** A webhook failing for this long is disabled (a day). */
  disableAfterMs: number;
  /** First retry delay; it doubles at each failure. */
  retryFirstDelayMs: number;
}

export interface WebhookCounters {
  sent: number;
  retried: number;
  failed: number;
}

/** Posts due webhook events, signed per Standard Webhooks (`webhook-id` is the event id: receivers dedupe on it). */
export function createWebhookDelivery(deps: WebhookDeliveryDeps) {
  const counters: WebhookCounters = { sent: 0, retried: 0, failed: 0 };
  const dispatcher: Dispatcher = createGuardedAgent({
    policy: deps.policy,
    lookup: undefined,
    secureContext: undefined,
    connectTimeoutMs: deps.timeoutMs,
    record: { tlsExpiresAt: null },
  });

  const userAgent = `Vigie-webhooks (+${deps.publicUrl})`;

  async function post(claim: ClaimedWebhookDelivery): Promise<string | null> {
    const body = webhookBody(claim.event, { alternatives: deps.alternatives ?? (() => []), now: deps.clock() });
    const timestamp = deps.clock();
    const signature = new Signer(claim.webhook.secret).sign(claim.event.id, timestamp, body);
    try {
      const response = await fetch(claim.webhook.url, {
        method: 'POST',
        body,
        dispatcher,
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': userAgent,
          'webhook-id': claim.event.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return cause?.code ?? cause?.message ?? (error instanceof Error ? error.name : 'error');
    }
  }

  async function deliverBatch(limit: number): Promise<number> {
    const now = deps.clock();
    const claimed = await deps.store.subscriptions.claimWebhookDeliveries({
      now,
      leaseUntil: new Date(now.getTime() + deps.leaseMs),
      limit,
    });
    await Promise.all(
      claimed.map(async (claim) => {
        const failure = await post(claim);
        const at = deps.clock();
        if (failure === null) {
          counters.sent += 1;
          return deps.store.subscriptions.markWebhookDelivered(claim.event.id, claim.webhook.id, at);
        }
        const retryAt = nextAttempt(claim.attempts, false, at, deps.retryFirstDelayMs);
        counters[retryAt ? 'retried' : 'failed'] += 1;
        return deps.store.subscriptions.markWebhookFailed(claim.event.id, claim.webhook.id, {
          at,
          error: failure,
          retryAt,
          disableAfterMs: deps.disableAfterMs,
        });
      }),
    );
    return claimed.length;
  }

  return { deliverBatch, counters, close: () => dispatcher.close() };
}
