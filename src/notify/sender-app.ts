import { Hono } from 'hono';
import type { DeliveryStats } from '../store/subscription-records.ts';
import type { Store } from '../store/store.ts';
import type { Sender } from './sender.ts';
import { confirmationsLastHour } from './subscribe-actions.ts';

export interface SenderHealth {
  /** Last pass that went through without an error. */
  lastPassAt: Date | null;
  lastError: string | null;
  passErrors: number;
}

type Confirmations = Awaited<ReturnType<typeof confirmationsLastHour>>;

/**
 * The sender's operational endpoints. `/healthz` says whether passes go through and how much waits;
 * `/metrics` gives the same to Prometheus (backlog, failures, counters since start), and both say
 * when the site-wide cap on confirmation emails (`VIGIE_CONFIRMATION_EMAILS_PER_HOUR`) is reached.
 */
export function createSenderApp(deps: {
  store: Store;
  sender: Sender;
  health: SenderHealth;
  clock: () => Date;
  stallMs: number;
  confirmationsPerHour: number;
}) {
  const app = new Hono();
  const confirmations = () => confirmationsLastHour(deps.store, deps.confirmationsPerHour, deps.clock());
  app.get('/healthz', async (c) => {
    const stats = await deps.store.subscriptions.deliveryStats();
    const last = deps.health.lastPassAt;
    const stalled = last === null || deps.clock().getTime() - last.getTime() > deps.stallMs;
    return c.json(
      {
        status: stalled ? 'stalled' : 'ok',
        lastPassAt: last?.toISOString() ?? null,
        lastError: deps.health.lastError,
        ...stats,
        ...deps.sender.counters(),
        confirmationEmails: await confirmations(),
      },
      stalled ? 503 : 200,
      { 'cache-control': 'no-store' },
    );
  });
  app.get('/metrics', async (c) => {
    const stats = await deps.store.subscriptions.deliveryStats();
    return c.body(metricsText(stats, deps.sender.counters(), deps.health, await confirmations()), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  return app;
}

export function metricsText(
  stats: DeliveryStats,
  counters: ReturnType<Sender['counters']>,
  health: SenderHealth,
  confirmations: Confirmations,
): string {
  const line = (name: string, type: string, help: string, value: number, labels = '') =>
    [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name}${labels} ${value}`].join('\n');
  return (
    [
      line('vigie_notify_backlog', 'gauge', 'Messages waiting or being sent.', stats.backlog),
      line('vigie_notify_failed', 'gauge', 'Messages given up on (permanent failure or last attempt).', stats.failed),
      line('vigie_notify_webhook_backlog', 'gauge', 'Webhook events waiting or being posted.', stats.webhookBacklog),
      line('vigie_notify_webhook_failed', 'gauge', 'Webhook events given up on.', stats.webhookFailed),
      line('vigie_notify_webhooks_disabled', 'gauge', 'Webhooks disabled after failing for a day.', stats.disabledWebhooks),
      line('vigie_notify_digests_total', 'counter', 'Digests gathered since start.', counters.digests),
      line('vigie_notify_emails_sent_total', 'counter', 'Messages accepted by the SMTP server since start.', counters.emails.sent),
      line('vigie_notify_emails_retried_total', 'counter', 'Message attempts that failed and will be retried.', counters.emails.retried),
      line('vigie_notify_webhooks_sent_total', 'counter', 'Webhook events accepted since start.', counters.webhooks.sent),
      line(
        'vigie_notify_pass_errors_total',
        'counter',
        'Sender passes that failed (store or SMTP trouble) and were retried.',
        health.passErrors,
      ),
      line('vigie_notify_confirmations_last_hour', 'gauge', 'Confirmation emails the site sent in the last hour.', confirmations.lastHour),
      line(
        'vigie_notify_confirmations_cap',
        'gauge',
        'Confirmation emails allowed per hour (VIGIE_CONFIRMATION_EMAILS_PER_HOUR).',
        confirmations.cap,
      ),
      line(
        'vigie_notify_confirmations_cap_reached',
        'gauge',
        '1 while the hourly cap on confirmation emails is reached: every subscriber is told to try later.',
        confirmations.capReached ? 1 : 0,
      ),
    ].join('\n') + '\n'
  );
}
