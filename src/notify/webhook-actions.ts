import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notification-events.ts';
import { unsafeAddressReason } from '../net/address-policy.ts';
import { auditEntry } from '../domain/audit-entry.ts';
import type { IncidentContext } from '../incidents/service-context.ts';
import type { Webhook } from '../store/subscription-records.ts';

export type WebhookFormError = 'unsafe_url' | 'no_event';
export type WebhookResult = { ok: true; webhook: Webhook | null } | { ok: false; error: WebhookFormError };

const createSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  services: z.array(z.string()).catch([]),
  events: z.array(z.enum(NOTIFICATION_KINDS)).min(1),
});

/**
 * A target staff typed is refused when it names a private address outright; a name that resolves to
 * one is refused at every connection by the probe's guard, which the sender uses for webhooks. Only
 * the hosts the operator listed in `VIGIE_WEBHOOK_PRIVATE_HOSTS` escape both.
 */
function visiblyUnsafe(url: URL, privateHosts: readonly string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (privateHosts.includes(host)) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && unsafeAddressReason(host) !== null;
}

/** Registers a webhook with a secret of its own (Standard Webhooks `whsec_` form), shown to staff once. */
export async function createWebhookAction({
  ctx,
  input,
  privateHosts,
}: {
  ctx: IncidentContext;
  input: Record<string, unknown>;
  /** `VIGIE_WEBHOOK_PRIVATE_HOSTS`, lower-cased. */
  privateHosts: readonly string[];
}): Promise<WebhookResult> {
  // One checkbox per kind (`event.<kind>`), so the form reader keeps every ticked one.
  const events = NOTIFICATION_KINDS.filter((kind) => input[`event.${kind}`] === 'on');
  if (events.length === 0) return { ok: false, error: 'no_event' };
  const parsed = createSchema.safeParse({ ...input, events });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.some((i) => i.path[0] === 'events') ? 'no_event' : 'unsafe_url' };
  if (visiblyUnsafe(new URL(parsed.data.url), privateHosts)) return { ok: false, error: 'unsafe_url' };
  const known = new Set(ctx.catalogue.services.map((s) => s.id));
  const services = parsed.data.services.filter((id) => known.has(id));
  const webhook = await ctx.store.audited(
    (store) =>
      store.subscriptions.createWebhook({
        url: parsed.data.url,
        serviceIds: services.length > 0 ? services : null,
        eventKinds: parsed.data.events,
        secret: `whsec_${randomBytes(24).toString('base64')}`,
        createdAt: ctx.clock(),
        createdBy: ctx.actor.email,
      }),
    // The secret stays out of the audit log.
    (w) =>
      auditEntry(ctx.clock(), ctx.actor, 'webhook.created', {
        target: w.id,
        after: { url: w.url, serviceIds: w.serviceIds, eventKinds: w.eventKinds },
      }),
  );
  return { ok: true, webhook };
}

export async function changeWebhookAction({
  ctx,
  input,
}: {
  ctx: IncidentContext;
  input: Record<string, unknown>;
}): Promise<WebhookResult> {
  const id = typeof input.webhookId === 'string' ? input.webhookId : '';
  const before = (await ctx.store.subscriptions.listWebhooks()).find((w) => w.id === id);
  if (!before) return { ok: true, webhook: null };
  if (input.intent === 'delete') {
    await ctx.store.audited(
      (store) => store.subscriptions.deleteWebhook(id),
      () => auditEntry(ctx.clock(), ctx.actor, 'webhook.deleted', { target: id, before: { url: before.url } }),
    );
  } else if (input.intent === 'enable') {
    await ctx.store.audited(
      (store) => store.subscriptions.enableWebhook(id),
      () =>
        auditEntry(ctx.clock(), ctx.actor, 'webhook.enabled', {
          target: id,
          before: { disabledAt: before.disabledAt },
          after: { disabledAt: null },
        }),
    );
  }
  return { ok: true, webhook: null };
}
