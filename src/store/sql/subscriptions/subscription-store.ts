import type { SubscriptionStore } from '../../subscription-store.ts';
import type { SqlDatabase } from '../executor.ts';
import { claimDeliveries, deliveryStats, markDelivered, markDeliveryFailed, releaseLeases } from './deliveries.ts';
import { commitDigest, digestEvents, enqueueMaintenanceTransitions, pendingEvents, sentOutageEvents } from './outbox.ts';
import {
  addRequest,
  confirmRequest,
  countAttempts,
  countSubscribers,
  deleteSubscriber,
  pruneSubscriptions,
  recordAttempt,
  subscriberByToken,
  updateSubscriber,
} from './subscribers.ts';
import {
  claimWebhookDeliveries,
  createWebhook,
  deleteWebhook,
  enableWebhook,
  listWebhooks,
  markWebhookDelivered,
  markWebhookFailed,
} from './webhooks.ts';

/** The SubscriptionStore over either dialect, wired to `db` like the rest of the store. */
export function createSubscriptionStore(db: SqlDatabase): SubscriptionStore {
  return {
    recordAttempt: (key, at) => recordAttempt(db, key, at),
    countAttempts: (key, since) => countAttempts(db, key, since),
    addRequest: (request) => addRequest(db, request),
    confirmRequest: (tokenHash, at) => confirmRequest(db, tokenHash, at),
    subscriberByToken: (tokenHash) => subscriberByToken(db, tokenHash),
    updateSubscriber: (id, change) => updateSubscriber(db, id, change),
    deleteSubscriber: (id) => deleteSubscriber(db, id),
    countSubscribers: () => countSubscribers(db),
    prune: (options) => pruneSubscriptions(db, options),

    enqueueMaintenanceTransitions: (now) => enqueueMaintenanceTransitions(db, now),
    pendingEvents: (limit) => pendingEvents(db, limit),
    sentOutageEvents: (since) => sentOutageEvents(db, since),
    commitDigest: (input) => commitDigest(db, input),
    digestEvents: (digestId) => digestEvents(db, digestId),

    claimDeliveries: (options) => claimDeliveries(db, options),
    markDelivered: (keys, at) => markDelivered(db, keys, at),
    markDeliveryFailed: (key, failure) => markDeliveryFailed(db, key, failure),
    releaseLeases: (now) => releaseLeases(db, now),
    deliveryStats: () => deliveryStats(db),

    createWebhook: (input) => createWebhook(db, input),
    listWebhooks: () => listWebhooks(db),
    deleteWebhook: (id) => deleteWebhook(db, id),
    enableWebhook: (id) => enableWebhook(db, id),
    claimWebhookDeliveries: (options) => claimWebhookDeliveries(db, options),
    markWebhookDelivered: (eventId, webhookId, at) => markWebhookDelivered(db, eventId, webhookId, at),
    markWebhookFailed: (eventId, webhookId, failure) => markWebhookFailed(db, eventId, webhookId, failure),
  };
}
