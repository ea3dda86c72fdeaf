import type { Catalogue } from '../config/services-schema.ts';
import { SUBSCRIPTION_RETENTION } from '../domain/subscription-retention.ts';
import { formatList } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { loadSnapshot } from '../status/load.ts';
import { absoluteUrl } from '../addresses/routes.ts';
import type { Store } from '../store/store.ts';
import { escapeHtml } from '../addresses/escape.ts';
import type { Subscriber } from '../store/subscription-records.ts';
import { subscriptionPath } from '../addresses/subscription-routes.ts';
import type { MailTransport } from './mail-transport.ts';
import { parseChoices, parseEmail, type Choices, type SubscriptionErrors } from './subscription-form.ts';
import { addressKey, hashToken, newToken } from './tokens.ts';

/** Limits against subscription bombing, per hour (`VIGIE_SUBSCRIBE_LIMIT_*`, `VIGIE_CONFIRMATION_EMAILS_PER_HOUR`). */
export interface SubscribeLimits {
  /** Requests per client (an IPv4 address, an IPv6 /64); past it the page says to try later. */
  perClient: number;
  /** Requests per IPv6 /48, the block one site is given: many /64s of one attacker count together. */
  perNetwork: number;
  /** Confirmation emails per mailbox (`mailboxOf`); past it the same answer, and no email. */
  perAddress: number;
  /** Confirmation emails from the whole site, so no flood can burn the sender domain's reputation. */
  confirmationsPerHour: number;
}

/** Who asks, as the limits count them: the client's subject (`throttleSubject`) and, for IPv6, its /48. */
export interface SubscribeClient {
  subject: string;
  network: string | null;
}

/** Key of the site-wide count of confirmation emails. */
export const CONFIRMATIONS_KEY = 'confirmations';

export const CONFIRM_HOURS = SUBSCRIPTION_RETENTION.unconfirmedHours;
const HOUR_MS = 3_600_000;

export interface SubscribeDeps {
  store: Store;
  catalogue: Catalogue;
  mail: MailTransport;
  publicUrl: string;
  clock: () => Date;
  limits: SubscribeLimits;
  /** Who publishes this instance (the operator's publisher), said in every email; null says Vigie alone. */
  publisher?: string | null;
  /** Counts confirmation emails that could not be handed over (never with the address). */
  onMailError: (error: unknown) => void;
}

export type SubscribeResult = { status: 'sent' } | { status: 'too_many' } | { status: 'invalid'; errors: SubscriptionErrors };

/**
 * A subscription request. The answer never says whether the address is already subscribed or was
 * refused by its own limit: it is `sent` either way, and the email leaves in the background so even
 * the response time says nothing.
 */
export async function requestSubscription(
  deps: SubscribeDeps,
  form: Record<string, unknown>,
  client: SubscribeClient,
): Promise<SubscribeResult> {
  const now = deps.clock();
  const since = new Date(now.getTime() - HOUR_MS);
  const { subscriptions } = deps.store;
  const buckets: [string, number][] = [[`client:${hashToken(client.subject)}`, deps.limits.perClient]];
  if (client.network) buckets.push([`network:${hashToken(client.network)}`, deps.limits.perNetwork]);
  for (const [key, limit] of buckets) if ((await subscriptions.countAttempts(key, since)) >= limit) return { status: 'too_many' };
  for (const [key] of buckets) await subscriptions.recordAttempt(key, now);
  const email = parseEmail(form);
  const { choices, errors } = parseChoices(form, deps.catalogue);
  if (!email || errors.services) return { status: 'invalid', errors: { ...(email ? {} : { email: 'invalid_email' }), ...errors } };
  const key = addressKey(email);
  if ((await subscriptions.countAttempts(key, since)) >= deps.limits.perAddress) return { status: 'sent' };
  // Past the site-wide cap nobody gets an email for an hour: "try later" tells no one anything
  // about any address, and stores no request (so pending requests stay below 48 × the cap).
  if ((await subscriptions.countAttempts(CONFIRMATIONS_KEY, since)) >= deps.limits.confirmationsPerHour) return { status: 'too_many' };
  await subscriptions.recordAttempt(key, now);
  await subscriptions.recordAttempt(CONFIRMATIONS_KEY, now);
  const token = newToken();
  await deps.store.subscriptions.addRequest({
    tokenHash: hashToken(token),
    email,
    ...choices,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CONFIRM_HOURS * HOUR_MS),
  });
  void sendConfirmation(deps, email, choices, token).catch(deps.onMailError);
  return { status: 'sent' };
}

/** Confirmation emails of the last hour against the site-wide cap, for `/healthz` and `/metrics`. */
export async function confirmationsLastHour(
  store: Store,
  cap: number,
  now: Date,
): Promise<{ lastHour: number; cap: number; capReached: boolean }> {
  const lastHour = await store.subscriptions.countAttempts(CONFIRMATIONS_KEY, new Date(now.getTime() - HOUR_MS));
  return { lastHour, cap, capReached: lastHour >= cap };
}

async function sendConfirmation(deps: SubscribeDeps, email: string, choices: Choices, token: string): Promise<void> {
  const { locale } = choices;
  const d = t(locale).notify.mail;
  const url = absoluteUrl(deps.publicUrl, subscriptionPath(locale, 'confirm', { token }));
  // During a crisis the first message says what is already down: later alerts only tell changes.
  const troubled = await troubledNow(deps, choices);
  const now = troubled.length > 0 ? d.downNow(formatList(troubled, locale), troubled.length) : null;
  const paragraphs = [d.confirmText(CONFIRM_HOURS), ...(now ? [now] : []), d.sentBy(deps.publisher ?? null)];
  await deps.mail.send({
    to: email,
    language: locale,
    subject: d.confirmSubject,
    text: `${paragraphs.slice(0, -1).join('\n\n')}\n\n${d.confirmLink}${t(locale).colon}${url}\n\n---\n${paragraphs.at(-1)}\n`,
    html:
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(d.confirmSubject)}</title></head><body>` +
      paragraphs
        .slice(0, -1)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('') +
      `<p><a href="${escapeHtml(url)}">${escapeHtml(d.confirmLink)}</a></p><hr><p><small>${escapeHtml(paragraphs.at(-1) ?? '')}</small></p></body></html>`,
  });
}

/** The chosen services down or slowed right now, by name, as the overview's banner counts them. */
async function troubledNow(deps: SubscribeDeps, choices: Choices): Promise<string[]> {
  const snapshot = await loadSnapshot({ store: deps.store, catalogue: deps.catalogue }, deps.clock());
  const chosen = choices.serviceIds === null ? null : new Set(choices.serviceIds);
  return snapshot.services
    .filter((s) => (s.state === 'down' || s.state === 'partial' || s.state === 'degraded') && (chosen === null || chosen.has(s.id)))
    .map((s) => s.name[choices.locale]);
}

/** The confirm button's POST. Null: unknown, used or expired token (the page says so). */
export function confirmSubscription(store: Store, token: string, now: Date): Promise<Subscriber | null> {
  return store.subscriptions.confirmRequest(hashToken(token), now);
}

export function subscriberFor(store: Store, token: string): Promise<Subscriber | null> {
  return token ? store.subscriptions.subscriberByToken(hashToken(token)) : Promise.resolve(null);
}

export async function saveChoices(
  deps: { store: Store; catalogue: Catalogue; clock: () => Date },
  token: string,
  form: Record<string, unknown>,
): Promise<{ status: 'saved' | 'gone' } | { status: 'invalid'; errors: SubscriptionErrors }> {
  const subscriber = await subscriberFor(deps.store, token);
  if (!subscriber) return { status: 'gone' };
  const { choices, errors } = parseChoices(form, deps.catalogue);
  if (errors.services) return { status: 'invalid', errors };
  const saved = await deps.store.subscriptions.updateSubscriber(subscriber.id, { ...choices, at: deps.clock() });
  return { status: saved ? 'saved' : 'gone' };
}

/** Deletes the address. The same answer whether or not it was still there. */
export async function unsubscribe(store: Store, token: string): Promise<void> {
  const subscriber = await subscriberFor(store, token);
  if (subscriber) await store.subscriptions.deleteSubscriber(subscriber.id);
}
