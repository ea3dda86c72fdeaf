import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, check, opened, resolved, T0 } from '../contract-fixtures.ts';

const HOUR = 3600;
const claims = new Map<string, number>();
/** Token hashes that say which claim they came from: `<digest>/<subscriber>/<nth claim>`. */
const token = (key: { digestId: string; subscriberId: string }) => {
  const id = `${key.digestId}/${key.subscriberId}`;
  claims.set(id, (claims.get(id) ?? 0) + 1);
  return `${id}/${claims.get(id)}`;
};

async function subscribe(store: Store, email: string, serviceIds: string[] | null, locale: 'fr' | 'en' = 'fr') {
  const tokenHash = `hash-${email}-${serviceIds?.join(',') ?? 'all'}`;
  await store.subscriptions.addRequest({ tokenHash, email, locale, serviceIds, createdAt: T0, expiresAt: at(48 * HOUR) });
  const subscriber = await store.subscriptions.confirmRequest(tokenHash, at(60));
  if (!subscriber) throw new Error('confirmation failed');
  return subscriber;
}

async function digestAll(store: Store, when: Date): Promise<string | null> {
  const pending = await store.subscriptions.pendingEvents(1000);
  return store.subscriptions.commitDigest({ include: pending.map((e) => e.id), fold: [], at: when });
}

export function subscriptionsContract(ctx: ContractContext): void {
  describe('subscriptions, outbox and deliveries', () => {
    it('confirms a request once, before it expires, and keeps one subscriber per address whatever its case', async () => {
      const { subscriptions } = ctx.store();
      const request = {
        email: 'Camille@Example.fr',
        locale: 'en' as const,
        serviceIds: ['caf', 'impots'],
        createdAt: T0,
        expiresAt: at(48 * HOUR),
      };
      await subscriptions.addRequest({ ...request, tokenHash: 'a' });
      await subscriptions.addRequest({ ...request, tokenHash: 'late', serviceIds: null });
      const confirmed = await Promise.all([subscriptions.confirmRequest('a', at(10)), subscriptions.confirmRequest('a', at(10))]);
      expect(confirmed.filter(Boolean)).toHaveLength(1);
      expect(confirmed.find(Boolean)).toEqual({
        id: expect.any(String),
        email: 'Camille@Example.fr',
        locale: 'en',
        serviceIds: ['caf', 'impots'],
        consentedAt: at(10),
        updatedAt: at(10),
      });
      expect(await subscriptions.confirmRequest('late', at(48 * HOUR))).toBeNull();
      await subscriptions.addRequest({ ...request, email: 'camille@example.FR', locale: 'fr', serviceIds: null, tokenHash: 'again' });
      const again = await subscriptions.confirmRequest('again', at(20));
      expect(again).toMatchObject({ id: confirmed.find(Boolean)!.id, locale: 'fr', serviceIds: null, consentedAt: at(20) });
      expect(await subscriptions.countSubscribers()).toBe(1);
    });

    it('counts attempts per key within a window and prunes expired requests and old attempts', async () => {
      const { subscriptions } = ctx.store();
      await subscriptions.recordAttempt('client:192.0.2.1', T0);
      await subscriptions.recordAttempt('client:192.0.2.1', at(HOUR));
      await subscriptions.recordAttempt('address:x', at(HOUR));
      expect(await subscriptions.countAttempts('client:192.0.2.1', at(1))).toBe(1);
      expect(await subscriptions.countAttempts('client:192.0.2.1', T0)).toBe(2);
      await subscriptions.addRequest({
        tokenHash: 'old',
        email: 'a@x.fr',
        locale: 'fr',
        serviceIds: null,
        createdAt: T0,
        expiresAt: at(10),
      });
      await subscriptions.prune({ now: at(11), attemptsBefore: at(1), digestsBefore: T0, tokensBefore: T0 });
      expect(await subscriptions.countAttempts('client:192.0.2.1', T0)).toBe(1);
      expect(await subscriptions.confirmRequest('old', at(5))).toBeNull();
    });

    it('writes outbox events in the transactions of outages, incidents and maintenance', async () => {
      const store = ctx.store();
      await check(store, { at: at(0), state: 'down', event: opened('impots', T0) });
      await check(store, { at: at(60), state: 'down', event: opened('impots', T0) });
      await check(store, { at: at(600), event: resolved('impots', at(600)) });
      const incident = await store.createIncident({
        title: { fr: 'Lenteurs', en: null },
        status: 'investigating',
        affected: [{ serviceId: 'caf', impact: 'degraded' }],
        body: { fr: 'Nous cherchons.', en: null },
        author: 'agent',
        at: at(700),
      });
      await store.addIncidentUpdate(incident.id, {
        status: 'monitoring',
        body: { fr: 'Mieux.', en: 'Better.' },
        author: 'agent',
        at: at(800),
      });
      await store.addIncidentUpdate(incident.id, { status: 'resolved', body: { fr: 'Fini.', en: 'Over.' }, author: 'agent', at: at(900) });
      const m = await store.createMaintenance({
        title: { fr: 'Travaux', en: 'Works' },
        body: { fr: '.', en: '.' },
        serviceIds: ['ameli'],
        startsAt: at(1000),
        endsAt: at(2000),
        author: 'agent',
        at: at(950),
      });
      const events = await store.subscriptions.pendingEvents(100);
      expect(events.map((e) => e.payload.kind)).toEqual([
        'outage_confirmed',
        'outage_recovered',
        'incident_published',
        'incident_updated',
        'incident_resolved',
        'maintenance_scheduled',
      ]);
      expect(events[1]!.payload).toEqual({
        kind: 'outage_recovered',
        serviceId: 'impots',
        startedAt: T0.toISOString(),
        resolvedAt: at(600).toISOString(),
      });
      expect(events[2]!.payload).toMatchObject({ incidentId: incident.id, title: { fr: 'Lenteurs', en: null }, serviceIds: ['caf'] });
      expect(await store.subscriptions.enqueueMaintenanceTransitions(at(1500))).toBe(1);
      expect(await store.subscriptions.enqueueMaintenanceTransitions(at(1600))).toBe(0);
      expect(await Promise.all([2100, 2100].map((s) => store.subscriptions.enqueueMaintenanceTransitions(at(s))))).toEqual(
        expect.arrayContaining([0]),
      );
      const kinds = (await store.subscriptions.pendingEvents(100)).map((e) => e.payload.kind);
      expect(kinds.slice(6)).toEqual(['maintenance_started', 'maintenance_completed']);
      expect((await store.subscriptions.pendingEvents(100)).at(-1)!.payload).toMatchObject({ maintenanceId: m.id });
    });

    it('fans a digest out to the subscribers of its services only, once each', async () => {
      const store = ctx.store();
      const all = await subscribe(store, 'all@x.fr', null);
      const caf = await subscribe(store, 'caf@x.fr', ['caf', 'msa']);
      await subscribe(store, 'other@x.fr', ['urssaf']);
      await check(store, { serviceId: 'caf', at: at(0), state: 'down', event: opened('caf', T0) });
      await check(store, { serviceId: 'impots', at: at(1), state: 'down', event: opened('impots', T0) });
      const digestId = await digestAll(store, at(100));
      expect(await store.subscriptions.pendingEvents(10)).toEqual([]);
      expect(await digestAll(store, at(101))).toBeNull();
      expect((await store.subscriptions.digestEvents(digestId!)).map((e) => e.payload)).toMatchObject([
        { serviceId: 'caf' },
        { serviceId: 'impots' },
      ]);
      const claimed = await store.subscriptions.claimDeliveries({ now: at(100), leaseUntil: at(160), limit: 10, tokenHash: token });
      expect(claimed.map((c) => c.subscriber.email).sort()).toEqual(['all@x.fr', 'caf@x.fr']);
      expect(claimed.find((c) => c.subscriberId === caf.id)).toMatchObject({ digestId, attempts: 1, subscriber: caf });
      expect(await store.subscriptions.claimDeliveries({ now: at(159), leaseUntil: at(200), limit: 10, tokenHash: token })).toEqual([]);
      expect(await store.subscriptions.releaseLeases(at(150))).toBe(2);
      expect(await store.subscriptions.claimDeliveries({ now: at(150), leaseUntil: at(160), limit: 10, tokenHash: token })).toHaveLength(2);
      expect(await store.subscriptions.deliveryStats()).toMatchObject({ backlog: 2, failed: 0 });
      await store.subscriptions.markDelivered([{ digestId: digestId!, subscriberId: all.id }], at(101));
      const reclaimed = await store.subscriptions.claimDeliveries({ now: at(160), leaseUntil: at(220), limit: 10, tokenHash: token });
      expect(reclaimed.map((c) => [c.subscriberId, c.attempts])).toEqual([[caf.id, 3]]);
      await store.subscriptions.markDeliveryFailed(
        { digestId: digestId!, subscriberId: caf.id },
        { at: at(161), error: '550 no such user', retryAt: null },
      );
      expect(await store.subscriptions.deliveryStats()).toMatchObject({ backlog: 0, failed: 1 });
      expect(await store.subscriptions.subscriberByToken(`${digestId}/${all.id}/1`)).toEqual(all);
      expect(await store.subscriptions.subscriberByToken(`${digestId}/${caf.id}/3`)).toEqual(caf);
      expect(await store.subscriptions.subscriberByToken('nope')).toBeNull();
    });

    it('retries a failed message at its time, and forgets everything about a deleted address', async () => {
      const store = ctx.store();
      const s = await subscribe(store, 'a@x.fr', ['impots']);
      await check(store, { at: at(0), state: 'down', event: opened('impots', T0) });
      const digestId = (await digestAll(store, at(10)))!;
      const key = { digestId, subscriberId: s.id };
      await store.subscriptions.claimDeliveries({ now: at(10), leaseUntil: at(70), limit: 5, tokenHash: token });
      await store.subscriptions.markDeliveryFailed(key, { at: at(11), error: '421 try later', retryAt: at(300) });
      expect(await store.subscriptions.claimDeliveries({ now: at(299), leaseUntil: at(400), limit: 5, tokenHash: token })).toEqual([]);
      expect(await store.subscriptions.claimDeliveries({ now: at(300), leaseUntil: at(400), limit: 5, tokenHash: token })).toHaveLength(1);
      await store.subscriptions.markDelivered([key], at(301));
      const changed = await store.subscriptions.updateSubscriber(s.id, { locale: 'en', serviceIds: null, at: at(400) });
      expect(changed).toMatchObject({ locale: 'en', serviceIds: null, consentedAt: at(60), updatedAt: at(400) });
      expect(await store.subscriptions.deleteSubscriber(s.id)).toBe(true);
      expect(await store.subscriptions.deleteSubscriber(s.id)).toBe(false);
      expect(await store.subscriptions.subscriberByToken(`${digestId}/${s.id}/1`)).toBeNull();
      expect(await store.subscriptions.updateSubscriber(s.id, { locale: 'en', serviceIds: null, at: at(401) })).toBeNull();
      expect(await store.subscriptions.deliveryStats()).toMatchObject({ backlog: 0, failed: 0 });
    });

    it('folds events without telling them, and remembers which outage events were sent', async () => {
      const store = ctx.store();
      await check(store, { at: at(0), state: 'down', event: opened('caf', T0) });
      await check(store, { at: at(100), event: resolved('caf', at(100)) });
      const [down, up] = await store.subscriptions.pendingEvents(10);
      await store.subscriptions.commitDigest({ include: [down!.id], fold: [up!.id], at: at(120) });
      expect((await store.subscriptions.sentOutageEvents(T0)).map((e) => e.id)).toEqual([down!.id]);
      expect(await store.subscriptions.sentOutageEvents(at(1))).toEqual([]);
      expect(await store.subscriptions.pendingEvents(10)).toEqual([]);
      expect(await digestAll(store, at(130))).toBeNull();
    });

    it('prunes an event with its digest, never while its digest is kept', async () => {
      const store = ctx.store();
      await check(store, { at: at(0), state: 'down', event: opened('caf', T0) });
      const digestId = (await digestAll(store, at(10)))!;
      await store.subscriptions.prune({ now: at(20), attemptsBefore: T0, digestsBefore: T0, tokensBefore: T0 });
      await store.subscriptions.prune({ now: at(20), attemptsBefore: T0, digestsBefore: at(5), tokensBefore: T0 });
      expect(await store.subscriptions.digestEvents(digestId)).toHaveLength(1);
      await store.subscriptions.prune({ now: at(20), attemptsBefore: T0, digestsBefore: at(11), tokensBefore: T0 });
      expect(await store.subscriptions.digestEvents(digestId)).toEqual([]);
    });

    it('delivers events to the webhooks that asked for them, and disables one failing for longer than allowed', async () => {
      const store = ctx.store();
      const hook = await store.subscriptions.createWebhook({
        url: 'https://hooks.example.fr/vigie',
        serviceIds: ['caf'],
        eventKinds: ['outage_confirmed'],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        createdAt: T0,
        createdBy: 'agent',
      });
      await store.subscriptions.createWebhook({ ...hook, url: 'https://other.example.fr/', eventKinds: ['incident_published'] });
      await check(store, { serviceId: 'caf', at: at(0), state: 'down', event: opened('caf', T0) });
      await check(store, { serviceId: 'impots', at: at(0), state: 'down', event: opened('impots', T0) });
      await digestAll(store, at(10));
      const claimed = await store.subscriptions.claimWebhookDeliveries({ now: at(10), leaseUntil: at(70), limit: 10 });
      expect(claimed.map((c) => [c.webhook.id, c.event.payload.kind, c.attempts])).toEqual([[hook.id, 'outage_confirmed', 1]]);
      const { id: eventId } = claimed[0]!.event;
      await store.subscriptions.markWebhookFailed(eventId, hook.id, {
        at: at(11),
        error: 'HTTP 500',
        retryAt: at(100),
        disableAfterMs: 86_400_000,
      });
      expect((await store.subscriptions.listWebhooks()).find((w) => w.id === hook.id)).toMatchObject({
        failingSince: at(11),
        disabledAt: null,
      });
      await store.subscriptions.claimWebhookDeliveries({ now: at(100), leaseUntil: at(160), limit: 10 });
      await store.subscriptions.markWebhookFailed(eventId, hook.id, {
        at: at(11 + 86_400),
        error: 'HTTP 500',
        retryAt: at(90_000),
        disableAfterMs: 86_400_000,
      });
      expect((await store.subscriptions.listWebhooks()).find((w) => w.id === hook.id)).toMatchObject({
        failingSince: at(11),
        disabledAt: at(11 + 86_400),
      });
      expect(await store.subscriptions.deliveryStats()).toMatchObject({ webhookBacklog: 0, webhookFailed: 1, disabledWebhooks: 1 });
      await store.subscriptions.enableWebhook(hook.id);
      expect((await store.subscriptions.listWebhooks()).find((w) => w.id === hook.id)).toMatchObject({
        failingSince: null,
        disabledAt: null,
      });
      expect(await store.subscriptions.deleteWebhook(hook.id)).toBe(true);
      expect(await store.subscriptions.listWebhooks()).toHaveLength(1);
    });
  });
}
