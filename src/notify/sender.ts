import { SUBSCRIPTION_RETENTION } from '../domain/subscription-retention.ts';
import type { Store } from '../store/store.ts';
import { planDigest, type CoalesceWindows } from './coalesce.ts';
import { createEmailDelivery, type EmailDeliveryDeps } from './deliver-emails.ts';
import type { MailTransport } from './mail-transport.ts';
import { createWebhookDelivery, type WebhookDeliveryDeps } from './deliver-webhooks.ts';

const DAY_MS = 86_400_000;
const NO_EMAILS = { sent: 0, retried: 0, failed: 0 };
/** How far back the flap rule looks for each service's last told state. */
const TOLD_LOOKBACK_MS = 7 * DAY_MS;

export interface SenderDeps
  extends Omit<EmailDeliveryDeps, 'leaseMs' | 'transport'>, Omit<WebhookDeliveryDeps, 'leaseMs' | 'timeoutMs' | 'disableAfterMs'> {
  store: Store;
  /** Null without SMTP: webhooks are still delivered, and no one can subscribe by email. */
  transport: MailTransport | null;
  windows: CoalesceWindows;
  /** Messages claimed per batch. */
  batchSize: number;
}

/**
 * One pass of the sender: write the maintenance events the clock made due, gather pending events
 * into a digest when its window closes, then send every due message and webhook. Everything it
 * knows is in the store, so a restarted sender resumes where the last one stopped.
 */
/** Webhook calls made at once in a pass (each bounded by its 10 s timeout). */
export const WEBHOOKS_PER_PASS = 50;

export function createSender(deps: SenderDeps) {
  const { transport } = deps;
  const emails = transport === null ? null : createEmailDelivery({ ...deps, transport, leaseMs: 120_000 });
  const webhooks = createWebhookDelivery({ ...deps, leaseMs: 60_000, timeoutMs: 10_000, disableAfterMs: DAY_MS });
  let digests = 0;
  let lastPrune = 0;

  async function gather(): Promise<void> {
    const now = deps.clock();
    await deps.store.subscriptions.enqueueMaintenanceTransitions(now);
    const pending = await deps.store.subscriptions.pendingEvents(5000);
    if (pending.length === 0) return;
    const told = await deps.store.subscriptions.sentOutageEvents(new Date(now.getTime() - TOLD_LOOKBACK_MS));
    const plan = planDigest({ pending, told, now, windows: deps.windows });
    if (!plan) return;
    if (await deps.store.subscriptions.commitDigest({ ...plan, at: now })) digests += 1;
  }

  async function prune(): Promise<void> {
    const now = deps.clock();
    if (now.getTime() - lastPrune < 3_600_000) return;
    lastPrune = now.getTime();
    // Message links stay valid a year; attempts only matter for the hourly limits.
    const r = SUBSCRIPTION_RETENTION;
    await deps.store.subscriptions.prune({
      now,
      attemptsBefore: new Date(now.getTime() - r.fingerprintHours * 3_600_000),
      digestsBefore: new Date(now.getTime() - r.messageDays * DAY_MS),
      tokensBefore: new Date(now.getTime() - r.manageLinkDays * DAY_MS),
    });
  }

  async function tick(): Promise<void> {
    await prune();
    await gather();
    // Emails and webhooks side by side, webhooks one batch a pass: a receiver that never answers
    // holds a pass for one timeout at most, never the next digest's emails for batch after batch.
    // Without SMTP, messages to subscribers left from when it was set wait, counted in the backlog, until it is set again.
    const sendEmails = async () => {
      while (emails && (await emails.deliverBatch(deps.batchSize)) > 0);
    };
    await Promise.all([sendEmails(), webhooks.deliverBatch(WEBHOOKS_PER_PASS)]);
  }

  return {
    tick,
    counters: () => ({ digests, emails: { ...(emails?.counters ?? NO_EMAILS) }, webhooks: { ...webhooks.counters } }),
    close: () => webhooks.close(),
  };
}

export type Sender = ReturnType<typeof createSender>;
