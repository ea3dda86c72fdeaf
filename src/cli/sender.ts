import { CatalogueError, loadCatalogue } from '../config/load-catalogue.ts';
import { settingsOrExit } from '../config/settings-or-exit.ts';
import { serviceNames } from '../status/service-names.ts';
import { serviceConfig } from '../status/guidance.ts';
import { openStore } from '../store/open-store.ts';
import { DEFAULT_WINDOWS } from '../notify/coalesce.ts';
import { subscriptionsEnabled } from '../config/subscriptions-enabled.ts';
import { createMailTransport } from '../notify/mail-transport.ts';
import { plainPublicUrlWarning } from '../notify/public-url-warning.ts';
import { createSender } from '../notify/sender.ts';
import { createSenderApp, type SenderHealth } from '../notify/sender-app.ts';
import { webhookAddressPolicy } from '../notify/webhook-address-policy.ts';
import { serveProbeApp } from '../probe/app-server.ts';

/**
 * `npm run sender`: the process that turns the outbox into emails and webhook calls. Its own
 * process, so a wave of 100,000 messages never delays a check or a page. It keeps no state of its
 * own: killed at any moment, the next one resumes from the store.
 */
const PASS_EVERY_MS = 1_000;

async function main(): Promise<void> {
  const settings = settingsOrExit();
  const catalogue = await loadCatalogue(settings.VIGIE_SERVICES).catch((error: unknown) => {
    if (!(error instanceof CatalogueError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  const store = await openStore(settings.DATABASE_URL);
  // Without SMTP there are no email subscriptions, but webhooks staff registered are still delivered.
  const transport =
    subscriptionsEnabled(settings) && settings.VIGIE_SMTP_URL && settings.VIGIE_MAIL_FROM
      ? createMailTransport({
          url: settings.VIGIE_SMTP_URL,
          from: settings.VIGIE_MAIL_FROM,
          unsubscribeMailbox: settings.VIGIE_UNSUBSCRIBE_MAILTO,
        })
      : null;
  const warning = transport ? plainPublicUrlWarning(settings.VIGIE_PUBLIC_URL) : null;
  if (warning) console.warn(`vigie-sender: ${warning}`);
  const clock = () => new Date();
  const sender = createSender({
    store,
    transport,
    names: serviceNames(catalogue),
    publisher: catalogue.operator?.publisher?.name ?? null,
    alternatives: (id) => serviceConfig(catalogue, id)?.alternatives ?? [],
    publicUrl: settings.VIGIE_PUBLIC_URL,
    clock,
    concurrency: 8,
    batchSize: 500,
    policy: webhookAddressPolicy(settings.VIGIE_WEBHOOK_PRIVATE_HOSTS),
    windows: { ...DEFAULT_WINDOWS, quietMs: settings.VIGIE_NOTIFY_QUIET_SECONDS * 1000 },
    retryFirstDelayMs: settings.VIGIE_NOTIFY_RETRY_SECONDS * 1000,
  });
  // One sender per database: what its killed predecessor had leased is sent now, not after the lease.
  await store.subscriptions.releaseLeases(clock());
  const health: SenderHealth = { lastPassAt: null, lastError: null, passErrors: 0 };
  const app = createSenderApp({
    store,
    sender,
    health,
    clock,
    stallMs: 10 * 60_000,
    confirmationsPerHour: settings.VIGIE_CONFIRMATION_EMAILS_PER_HOUR,
  });
  // Operators' endpoints, like the probe's: on PROBE_HOST (loopback by default), never the site's
  // public HOST, and with the probe's timeouts and connection cap.
  const server = serveProbeApp(app, { hostname: settings.PROBE_HOST, port: settings.VIGIE_SENDER_PORT }, (port) => {
    const what = transport ? 'emails through SMTP and webhooks' : 'webhooks only (no SMTP: email subscriptions are off)';
    console.log(`vigie-sender: sending ${what}; health on http://${settings.PROBE_HOST}:${port}/healthz`);
  });

  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const pass = async () => {
    try {
      await sender.tick();
      health.lastPassAt = clock();
      health.lastError = null;
    } catch (error) {
      // Store or SMTP trouble: counted, shown in /healthz, and the next pass tries again.
      health.passErrors += 1;
      health.lastError = error instanceof Error ? error.name : 'error';
    }
    if (!stopping) timer = setTimeout(() => void pass(), PASS_EVERY_MS);
  };
  void pass();

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    console.log(`vigie-sender: ${signal} received, stopping`);
    // Messages in flight stay leased in the store and are sent again by the next sender.
    server.close();
    transport?.close();
    sender.close();
    void store.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('vigie-sender: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
