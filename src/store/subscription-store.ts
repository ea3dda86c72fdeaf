import type { Locale } from '../domain/vocabulary.ts';
import type {
  ClaimedDelivery,
  ClaimedWebhookDelivery,
  DeliveryKey,
  DeliveryStats,
  FailedAttempt,
  NotificationEvent,
  Subscriber,
  SubscriptionRequest,
  Webhook,
} from './subscription-records.ts';

/**
 * Subscriptions, the outbox and deliveries. Part of every Store (`store.subscriptions`); the events
 * themselves are written by the store's incident, maintenance and check writes, in their transaction.
 */
export interface SubscriptionStore {
  // ── subscribing ───────────────────────────────────────────────────────────
  /** Limits against subscription bombing: attempts per key (an address, a client) in a window. */
  recordAttempt(key: string, at: Date): Promise<void>;
  countAttempts(key: string, since: Date): Promise<number>;
  addRequest(request: SubscriptionRequest): Promise<void>;
  /**
   * Atomically: takes the request (once), and creates or updates the subscriber with its choices and
   * a new consent time. Null when the token is unknown, used or expired.
   */
  confirmRequest(tokenHash: string, at: Date): Promise<Subscriber | null>;
  /** The subscriber a message's manage token belongs to. */
  subscriberByToken(tokenHash: string): Promise<Subscriber | null>;
  updateSubscriber(id: string, change: { locale: Locale; serviceIds: string[] | null; at: Date }): Promise<Subscriber | null>;
  /** Deletes the address and everything about it. False when it was already gone. */
  deleteSubscriber(id: string): Promise<boolean>;
  countSubscribers(): Promise<number>;
  /** Deletes expired requests, attempts, digests (with their deliveries) and manage tokens older than given. */
  prune(options: { now: Date; attemptsBefore: Date; digestsBefore: Date; tokensBefore: Date }): Promise<void>;

  // ── outbox ────────────────────────────────────────────────────────────────
  /** Writes maintenance started/completed events due at `now` (once each, whoever calls). */
  enqueueMaintenanceTransitions(now: Date): Promise<number>;
  /** Events not yet gathered into a message, oldest first. */
  pendingEvents(limit: number): Promise<NotificationEvent[]>;
  /** Outage events already sent since `since` (the flap window looks back on them). */
  sentOutageEvents(since: Date): Promise<NotificationEvent[]>;
  /**
   * Atomically: gathers `include` into one digest, marks `fold` as folded into it (not told on their
   * own), and writes one delivery per matching subscriber and one webhook delivery per matching
   * webhook and event. Returns the digest id (null when `include` is empty: only folds).
   */
  commitDigest(input: { include: readonly string[]; fold: readonly string[]; at: Date }): Promise<string | null>;
  digestEvents(digestId: string): Promise<NotificationEvent[]>;

  // ── email deliveries ──────────────────────────────────────────────────────
  /**
   * Leases due messages (new, retry due, or a lease that ran out after a crash) until `leaseUntil`,
   * saving for each the hash of the manage token its links will carry.
   */
  claimDeliveries(options: {
    now: Date;
    leaseUntil: Date;
    limit: number;
    tokenHash: (key: DeliveryKey) => string;
  }): Promise<ClaimedDelivery[]>;
  /** Messages the SMTP server accepted, recorded together. */
  markDelivered(keys: readonly DeliveryKey[], at: Date): Promise<void>;
  /** Makes every leased message and webhook event due now (a starting sender, one per database). */
  releaseLeases(now: Date): Promise<number>;
  markDeliveryFailed(key: DeliveryKey, failure: FailedAttempt): Promise<void>;
  deliveryStats(): Promise<DeliveryStats>;

  // ── webhooks ──────────────────────────────────────────────────────────────
  createWebhook(input: Omit<Webhook, 'id' | 'failingSince' | 'disabledAt'>): Promise<Webhook>;
  listWebhooks(): Promise<Webhook[]>;
  deleteWebhook(id: string): Promise<boolean>;
  /** Re-enables a disabled webhook (staff fixed the endpoint). */
  enableWebhook(id: string): Promise<void>;
  claimWebhookDeliveries(options: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedWebhookDelivery[]>;
  markWebhookDelivered(eventId: string, webhookId: string, at: Date): Promise<void>;
  /** Also records the webhook's failing run; disables it when the run is older than `disableAfterMs`. */
  markWebhookFailed(eventId: string, webhookId: string, failure: FailedAttempt & { disableAfterMs: number }): Promise<void>;
}
