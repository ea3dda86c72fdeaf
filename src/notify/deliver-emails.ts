import { keptFrenchNames } from '../domain/french-names.ts';
import type { NotificationEvent } from '../domain/notification-events.ts';
import { absoluteUrl } from '../addresses/routes.ts';
import type { ServiceNames } from '../status/service-names.ts';
import type { ClaimedDelivery, DeliveryKey } from '../store/subscription-records.ts';
import type { Store } from '../store/store.ts';
import { oneClickPath, subscriptionPath } from '../addresses/subscription-routes.ts';
import type { MailTransport } from './mail-transport.ts';
import { messageItems, type ServiceAlternatives } from './message-items.ts';
import { choiceKey, eventsFor } from './recipients.ts';
import { ownFooter, renderDigest, withFooter } from './render-message.ts';
import { composeBulk, OWN_LINES, type BulkMail } from './bulk-mail.ts';
import { isPermanentSmtpFailure, nextAttempt } from './retry.ts';
import { hashToken, newToken } from './tokens.ts';

export interface EmailDeliveryDeps {
  store: Store;
  transport: MailTransport;
  names: ServiceNames;
  /** Who publishes this instance (the operator's publisher), said in every message; null says Vigie alone. */
  publisher?: string | null;
  /** What an outage message says to do instead; none when absent. */
  alternatives?: ServiceAlternatives;
  publicUrl: string;
  clock: () => Date;
  /** Messages handed to SMTP at once (the transport pools its connections). */
  concurrency: number;
  leaseMs: number;
  /** First retry delay; it doubles at each failure. */
  retryFirstDelayMs: number;
}

export interface EmailCounters {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends due messages, one batch per call. A message is rendered and composed once for subscribers
 * with the same language and the same events; only their own headers and footer lines differ.
 */
export function createEmailDelivery(deps: EmailDeliveryDeps) {
  const counters: EmailCounters = { sent: 0, retried: 0, failed: 0 };
  const digests = new Map<string, NotificationEvent[]>();
  const composed = new Map<string, Promise<BulkMail>>();
  const frenchNames = keptFrenchNames([...deps.names.values()]);
  const host = new URL(deps.publicUrl).hostname;

  async function eventsOf(digestId: string): Promise<NotificationEvent[]> {
    let events = digests.get(digestId);
    if (!events) {
      if (digests.size > 50) {
        digests.clear();
        composed.clear();
      }
      events = await deps.store.subscriptions.digestEvents(digestId);
      digests.set(digestId, events);
    }
    return events;
  }

  /** Returns the message's key once the SMTP server accepted it (or it had nothing left to tell), else null. */
  async function deliverOne(claim: ClaimedDelivery, token: string): Promise<DeliveryKey | null> {
    const { subscriber } = claim;
    const key: DeliveryKey = { digestId: claim.digestId, subscriberId: claim.subscriberId };
    const events = await eventsOf(claim.digestId);
    const chosen = eventsFor(subscriber.serviceIds, events);
    // The subscriber narrowed their choice since the digest was made: nothing left to tell.
    if (chosen.length === 0) return key;
    const cacheKey = `${claim.digestId}|${subscriber.locale}|${choiceKey(subscriber.serviceIds, events)}`;
    let bulk = composed.get(cacheKey);
    if (!bulk) {
      const instead = { alternatives: deps.alternatives ?? (() => []), now: deps.clock() };
      const digest = renderDigest(
        messageItems(chosen, subscriber.locale, deps.names, instead),
        subscriber.locale,
        deps.publicUrl,
        frenchNames,
      );
      const message = withFooter(digest, { locale: subscriber.locale, publisher: deps.publisher ?? null }, OWN_LINES);
      bulk = composeBulk(deps.transport.from, { language: subscriber.locale, ...message });
      composed.set(cacheKey, bulk);
      // A composition that failed is tried again with the next message, not kept failing them all.
      bulk.catch(() => composed.delete(cacheKey));
    }
    const manageUrl = absoluteUrl(deps.publicUrl, subscriptionPath(subscriber.locale, 'manage', { token }));
    const own = ownFooter({ locale: subscriber.locale, consentedAt: subscriber.consentedAt, manageUrl });
    try {
      const oneClick = absoluteUrl(deps.publicUrl, oneClickPath(token));
      const raw = (await bulk)({
        to: subscriber.email,
        messageId: `<${claim.digestId}.${claim.subscriberId}@${host}>`,
        date: deps.clock(),
        own,
        headers: {
          // One-click first (RFC 8058); the mailto: is for clients without it (RFC 2369): whoever
          // reads that mailbox opens the link in the body and presses the button.
          'List-Unsubscribe': `<${oneClick}>, <mailto:${deps.transport.unsubscribeMailbox}?subject=unsubscribe&body=${encodeURIComponent(oneClick)}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
      await deps.transport.sendComposed(subscriber.email, raw);
    } catch (error) {
      const now = deps.clock();
      const retryAt = nextAttempt(claim.attempts, isPermanentSmtpFailure(error), now, deps.retryFirstDelayMs);
      counters[retryAt ? 'retried' : 'failed'] += 1;
      // The reason only: SMTP errors quote the address, which must not reach logs or the store.
      const reason = (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code ?? 'error';
      await deps.store.subscriptions.markDeliveryFailed(key, { at: now, error: `SMTP ${reason}`, retryAt });
      return null;
    }
    counters.sent += 1;
    return key;
  }

  /** Returns how many messages were claimed (0: nothing due). */
  async function deliverBatch(limit: number): Promise<number> {
    const now = deps.clock();
    const tokens = new Map<string, string>();
    const claimed = await deps.store.subscriptions.claimDeliveries({
      now,
      leaseUntil: new Date(now.getTime() + deps.leaseMs),
      limit,
      tokenHash: (key) => {
        const token = newToken();
        tokens.set(`${key.digestId}/${key.subscriberId}`, token);
        return hashToken(token);
      },
    });
    // Accepted messages are recorded one transaction at a time, each taking all accepted while the
    // last one ran: a wave's records group themselves, and a sender killed at any instant leaves
    // only those few unrecorded, to be handed to the server again with the same Message-ID.
    const accepted: DeliveryKey[] = [];
    let recording: Promise<void> | null = null;
    const record = (): Promise<void> =>
      (recording ??= (async () => {
        while (accepted.length > 0) await deps.store.subscriptions.markDelivered(accepted.splice(0), deps.clock());
      })().finally(() => (recording = null)));
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const claim = claimed[next++]!;
        const key = await deliverOne(claim, tokens.get(`${claim.digestId}/${claim.subscriberId}`)!);
        if (key) accepted.push(key);
        await record();
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency, claimed.length) }, worker));
    // A key accepted as the last transaction was ending is left for one more.
    await recording;
    if (accepted.length > 0) await record();
    return claimed.length;
  }

  return { deliverBatch, counters };
}
