import type { NotificationEvent, NotificationKind } from '../domain/notification-events.ts';
import type { Locale } from '../domain/vocabulary.ts';

export type { NotificationEvent };

/** Exactly what the personal-data page lists: the address, the language, the services, the consent time. */
export interface Subscriber {
  id: string;
  email: string;
  locale: Locale;
  /** null: every service, including ones added later. */
  serviceIds: string[] | null;
  consentedAt: Date;
  updatedAt: Date;
}

/** A subscription waiting for its confirmation; the token is only known to the mailbox. */
export interface SubscriptionRequest {
  /** SHA-256 of the token in the confirmation link. */
  tokenHash: string;
  email: string;
  locale: Locale;
  serviceIds: string[] | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface DeliveryKey {
  digestId: string;
  subscriberId: string;
}

/** A message the sender has leased: it owns it until `leaseUntil`, then another sender may take it. */
export interface ClaimedDelivery extends DeliveryKey {
  subscriber: Subscriber;
  attempts: number;
}

export interface DeliveryStats {
  /** Messages waiting or being sent. */
  backlog: number;
  /** Messages given up on (permanent failure or too many attempts). */
  failed: number;
  webhookBacklog: number;
  webhookFailed: number;
  disabledWebhooks: number;
}

export interface Webhook {
  id: string;
  url: string;
  /** null: every service. */
  serviceIds: string[] | null;
  eventKinds: NotificationKind[];
  /** `whsec_…`, as the Standard Webhooks libraries take it. */
  secret: string;
  createdAt: Date;
  createdBy: string;
  /** First failure of the current run of failures. */
  failingSince: Date | null;
  disabledAt: Date | null;
}

export interface ClaimedWebhookDelivery {
  webhook: Webhook;
  event: NotificationEvent;
  attempts: number;
}

/** How a failed attempt ends: tried again at `retryAt`, or given up on (null). */
export interface FailedAttempt {
  at: Date;
  error: string;
  retryAt: Date | null;
}
