import type { Localized } from '../../../src/domain/vocabulary.ts';
import type { Store } from '../../../src/store/store.ts';
import { at, check, opened, T0 } from '../../store/contract-fixtures.ts';

export const SERVICE_IDS = Array.from({ length: 16 }, (_, i) => `service-${String(i).padStart(2, '0')}`);
export const NAMES = new Map<string, Localized>(SERVICE_IDS.map((id) => [id, { fr: `${id}.gouv.fr`, en: `${id}.gouv.fr` }]));

/** A confirmed subscriber, made through the same request-then-confirm path as the site. */
export async function addSubscriber(store: Store, email: string, locale: 'fr' | 'en', serviceIds: string[] | null): Promise<string> {
  const tokenHash = `t-${email}`;
  await store.subscriptions.addRequest({ tokenHash, email, locale, serviceIds, createdAt: T0, expiresAt: at(86_400) });
  const subscriber = await store.subscriptions.confirmRequest(tokenHash, T0);
  if (!subscriber) throw new Error(`could not confirm ${email}`);
  return subscriber.id;
}

/** Many subscribers in one transaction each thousand (the bench and the crash test). */
export async function addManySubscribers(store: Store, count: number, domain = 'example.test'): Promise<void> {
  for (let i = 0; i < count; i++) await addSubscriber(store, `s${i}@${domain}`, i % 2 === 0 ? 'fr' : 'en', null);
}

/** The wave of the seeds: 16 services confirmed down within a minute, through the probe's own write. */
export async function massOutage(store: Store, startSecond = 0): Promise<void> {
  for (const [i, id] of SERVICE_IDS.entries()) {
    await check(store, { serviceId: id, at: at(startSecond + i * 3), state: 'down', event: opened(id, at(startSecond)) });
  }
}
