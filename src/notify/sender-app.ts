import { Hono } from 'hono';
import type { DeliveryStats } from '../store/subscription-records.ts';
import type { Store } from '../store/store.ts';
import type { Sender } from './sender.ts';

export interface SenderHealth {
  /** Last pass that went through without an error. */
  lastPassAt: Date | null;
  lastError: string | null;
  passErrors: number;
}

/**
 * The sender's operational endpoints. `/healthz` says whether passes go through and how much waits;
 * `/metrics` gives the same to Prometheus (backlog, failures, counters since start).
 */
export function createSenderApp(deps: { store: Store; sender: Sender; health: SenderHealth; clock: () => Date; stallMs: number }) {
  const app = new Hono();
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
      },
      stalled ? 503 : 200,
      { 'cache-control': 'no-store' },
    );
  });
  app.get('/metrics', async (c) => {
    const stats = await deps.store.subscriptions.deliveryStats();
    return c.body(metricsText(stats, deps.sender.counters(), deps.health), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  return app;
}

export function metricsText(stats: DeliveryStats, counters: ReturnType<Sender['counters']>, health: SenderHealth): string {
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
    ].join('\n') + '\n'
  );
}
