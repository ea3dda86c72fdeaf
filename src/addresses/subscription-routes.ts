import { trimTrailingSlashes } from '../domain/trim-slashes.ts';
import type { Locale } from '../domain/vocabulary.ts';

/** Addresses of the subscription pages in each language, and of the one-click unsubscribe endpoint. */
export const SUBSCRIPTION_PAGES = ['subscribe', 'confirm', 'manage'] as const;
export type SubscriptionPage = (typeof SUBSCRIPTION_PAGES)[number];

const PATHS: Record<Locale, Record<SubscriptionPage, string>> = {
  fr: { subscribe: '/fr/abonnement', confirm: '/fr/abonnement/confirmer', manage: '/fr/abonnement/gerer' },
  en: { subscribe: '/en/subscribe', confirm: '/en/subscribe/confirm', manage: '/en/subscribe/manage' },
};

/** The static copy's stand-in for the subscription pages (it cannot take subscriptions); an ordinary cached page. */
export const PAUSED_SUBSCRIPTIONS_PATHS: Record<Locale, string> = { fr: '/fr/abonnement/indisponible', en: '/en/subscribe/unavailable' };

/** The subscription pages of a language without their query: the files the static copy gives them. */
export function subscriptionPagePaths(locale: Locale): string[] {
  return Object.values(PATHS[locale]);
}

/** RFC 8058 one-click: mail providers POST here without a page, an Origin or a language. */
export const ONE_CLICK_PATH = '/unsubscribe';

export function subscriptionPath(locale: Locale, page: SubscriptionPage, options: { token?: string; service?: string } = {}): string {
  const query = new URLSearchParams();
  if (options.token) query.set('t', options.token);
  if (options.service) query.set('service', options.service);
  const q = query.toString();
  return q ? `${PATHS[locale][page]}?${q}` : PATHS[locale][page];
}

export function oneClickPath(token: string): string {
  return `${ONE_CLICK_PATH}?t=${encodeURIComponent(token)}`;
}

/** Pages that carry tokens or answer per request: never cached, never keyed without their query. */
export function isSubscriptionPath(path: string): boolean {
  const trimmed = trimTrailingSlashes(path);
  return trimmed === ONE_CLICK_PATH || Object.values(PATHS).some((pages) => Object.values(pages).includes(trimmed));
}
