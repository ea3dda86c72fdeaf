import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeWebhookAction, createWebhookAction } from '../../src/notify/webhook-actions.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { incidentContext } from '../incidents/support/service-fixture.ts';

let store: Store;
let dispose: () => Promise<void>;
const clock = manualClock();
beforeEach(async () => ({ store, dispose } = await tempStore()));
afterEach(() => dispose());

describe('staff webhook actions', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', 'unsafe_url'],
    ['https://10.1.2.3/hook', 'unsafe_url'],
    ['https://[::1]/hook', 'unsafe_url'],
    ['https://localhost/hook', 'unsafe_url'],
    ['ftp://hooks.example.fr/', 'unsafe_url'],
    ['not a url', 'unsafe_url'],
  ])('refuses %s', async (url, error) => {
    const result = await createWebhookAction({
      ctx: incidentContext(store, clock.now),
      input: { url, 'event.outage_confirmed': 'on' },
      privateHosts: [],
    });
    expect(result).toEqual({ ok: false, error });
    expect(await store.subscriptions.listWebhooks()).toEqual([]);
  });

  it.each([
    ['http://127.0.0.1:8080/hook', true],
    ['http://hooks.internal:8080/hook', true],
    ['http://127.0.0.2:8080/hook', false],
    ['https://localhost/hook', false],
  ])('with private hosts 127.0.0.1 and hooks.internal listed by the operator, accepts %s: %s', async (url, accepted) => {
    const result = await createWebhookAction({
      ctx: incidentContext(store, clock.now),
      input: { url, 'event.outage_confirmed': 'on' },
      privateHosts: ['127.0.0.1', 'hooks.internal'],
    });
    expect(result.ok).toBe(accepted);
  });

  it('refuses a webhook without events', async () => {
    expect(
      await createWebhookAction({ ctx: incidentContext(store, clock.now), input: { url: 'https://hooks.example.fr/' }, privateHosts: [] }),
    ).toEqual({
      ok: false,
      error: 'no_event',
    });
  });

  it('creates one with its own secret and an audit row without it, then enables and deletes it', async () => {
    const ctx = incidentContext(store, clock.now);
    const input = {
      url: 'https://hooks.example.fr/vigie',
      services: ['caf', 'nope'],
      'event.outage_confirmed': 'on',
      'event.incident_published': 'on',
    };
    const a = await createWebhookAction({ ctx, input, privateHosts: [] });
    const b = await createWebhookAction({ ctx, input, privateHosts: [] });
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.webhook).toMatchObject({
      serviceIds: ['caf'],
      eventKinds: ['outage_confirmed', 'incident_published'],
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    expect(a.webhook!.secret).not.toBe(b.webhook!.secret);
    const audit = await store.listAudit({ limit: 10 });
    expect(audit.items.map((e) => e.action)).toEqual(['webhook.created', 'webhook.created']);
    expect(JSON.stringify(audit.items)).not.toContain('whsec_');
    await changeWebhookAction({ ctx, input: { intent: 'enable', webhookId: a.webhook!.id } });
    await changeWebhookAction({ ctx, input: { intent: 'delete', webhookId: a.webhook!.id } });
    expect((await store.subscriptions.listWebhooks()).map((w) => w.id)).toEqual([b.webhook!.id]);
    expect((await store.listAudit({ limit: 10 })).items[0]!.action).toBe('webhook.deleted');
  });
});
