import { clientAddress, networkSubject, peerOf, throttleSubject } from './client-address.ts';
import { readForm } from './form-input.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { SiteContext } from './context.ts';
import { confirmSubscription, requestSubscription, saveChoices, subscriberFor, unsubscribe } from '../notify/subscribe-actions.ts';
import type { SubscriptionErrors } from '../notify/subscription-form.ts';
import { subscriptionPath } from '../addresses/subscription-routes.ts';

/** What the Astro pages need from a request; the handlers below decide, the pages only render. */
export interface PageRequest {
  request: Request;
  url: URL;
  clientAddress: string;
  locals: { ctx: SiteContext };
}

export interface FormValues {
  email: string;
  scope: 'all' | 'chosen';
  services: string[];
  language: Locale;
}

export interface SubscribeView {
  state: 'form' | 'sent' | 'too_many';
  status: number;
  values: FormValues;
  errors: SubscriptionErrors;
}

function valuesOf(form: Record<string, unknown>, locale: Locale): FormValues {
  return {
    email: typeof form.email === 'string' ? form.email.slice(0, 254) : '',
    scope: form.scope === 'chosen' ? 'chosen' : 'all',
    services: Array.isArray(form.services) ? form.services.filter((s): s is string => typeof s === 'string') : [],
    language: form.language === 'en' || form.language === 'fr' ? form.language : locale,
  };
}

/** Null when subscriptions are off: the page is a 404 like any address that does not exist. */
export async function handleSubscribe(page: PageRequest, locale: Locale): Promise<SubscribeView | null> {
  const { ctx } = page.locals;
  if (!ctx.mail) return null;
  const service = page.url.searchParams.get('service');
  const preset = service && ctx.catalogue.services.some((s) => s.id === service) ? [service] : [];
  const initial: FormValues = { email: '', scope: preset.length > 0 ? 'chosen' : 'all', services: preset, language: locale };
  if (page.request.method !== 'POST') return { state: 'form', status: 200, values: initial, errors: {} };
  const form = (await readForm(page.request)) ?? {};
  const peer = peerOf(page);
  // A client that hung up is not asked for again: its request is dropped like an unreadable one.
  if (peer === null) return { state: 'form', status: 400, values: initial, errors: {} };
  const client = clientAddress(peer, page.request.headers.get('x-forwarded-for'), ctx.settings.VIGIE_TRUSTED_PROXIES);
  const result = await requestSubscription(
    {
      store: ctx.store,
      catalogue: ctx.catalogue,
      mail: ctx.mail,
      publisher: ctx.catalogue.operator?.publisher?.name ?? null,
      publicUrl: ctx.settings.VIGIE_PUBLIC_URL,
      clock: () => new Date(),
      limits: {
        perClient: ctx.settings.VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT,
        perNetwork: ctx.settings.VIGIE_SUBSCRIBE_LIMIT_PER_NETWORK,
        perAddress: ctx.settings.VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS,
        confirmationsPerHour: ctx.settings.VIGIE_CONFIRMATION_EMAILS_PER_HOUR,
      },
      // The SMTP error may quote the address: only its kind is told.
      onMailError: (error: unknown) =>
        console.error(`vigie-site: a confirmation email could not be sent (${(error as { code?: string })?.code ?? 'error'})`),
    },
    form,
    { subject: throttleSubject(client), network: networkSubject(client) },
  );
  const values = valuesOf(form, locale);
  if (result.status === 'invalid') return { state: 'form', status: 422, values, errors: result.errors };
  return { state: result.status, status: result.status === 'too_many' ? 429 : 200, values, errors: {} };
}

export interface ConfirmView {
  state: 'ask' | 'confirmed' | 'expired';
  status: number;
  token: string;
}

export async function handleConfirm(page: PageRequest): Promise<ConfirmView | null> {
  const { ctx } = page.locals;
  if (!ctx.mail) return null;
  if (page.request.method !== 'POST') return { state: 'ask', status: 200, token: page.url.searchParams.get('t') ?? '' };
  const form = (await readForm(page.request)) ?? {};
  const token = typeof form.t === 'string' ? form.t : '';
  const subscriber = token ? await confirmSubscription(ctx.store, token, new Date()) : null;
  return subscriber ? { state: 'confirmed', status: 200, token: '' } : { state: 'expired', status: 410, token: '' };
}

export interface ManageView {
  state: 'form' | 'saved' | 'unsubscribed' | 'gone';
  status: number;
  token: string;
  values: FormValues;
  errors: SubscriptionErrors;
}

export async function handleManage(page: PageRequest, locale: Locale): Promise<ManageView | null> {
  const { ctx } = page.locals;
  if (!ctx.mail) return null;
  const form = page.request.method === 'POST' ? ((await readForm(page.request)) ?? {}) : {};
  const token = typeof form.t === 'string' ? form.t : (page.url.searchParams.get('t') ?? '');
  const empty: FormValues = { email: '', scope: 'all', services: [], language: locale };
  if (form.intent === 'unsubscribe') {
    await unsubscribe(ctx.store, token);
    return { state: 'unsubscribed', status: 200, token: '', values: empty, errors: {} };
  }
  if (page.request.method === 'POST') {
    const result = await saveChoices({ store: ctx.store, catalogue: ctx.catalogue, clock: () => new Date() }, token, form);
    if (result.status === 'invalid') return { state: 'form', status: 422, token, values: valuesOf(form, locale), errors: result.errors };
    if (result.status === 'gone') return { state: 'gone', status: 410, token: '', values: empty, errors: {} };
  }
  const subscriber = await subscriberFor(ctx.store, token);
  if (!subscriber) return { state: 'gone', status: 410, token: '', values: empty, errors: {} };
  const values: FormValues = {
    email: '',
    scope: subscriber.serviceIds === null ? 'all' : 'chosen',
    services: subscriber.serviceIds ?? [],
    language: subscriber.locale,
  };
  return { state: page.request.method === 'POST' ? 'saved' : 'form', status: 200, token, values, errors: {} };
}

/**
 * The one-click address opened in a browser (RFC 2369 clients open List-Unsubscribe): never a
 * 404, and never an unsubscribe on a GET (link scanners follow links). It leads to the manage page
 * in the subscriber's language, whose button unsubscribes; a used or unknown token gets that
 * page's "link expired" answer.
 */
export async function handleOneClickPage(page: PageRequest): Promise<Response> {
  const { ctx } = page.locals;
  if (!ctx.mail) return new Response('Not found\n', { status: 404 });
  const token = page.url.searchParams.get('t') ?? '';
  const subscriber = await subscriberFor(ctx.store, token);
  return new Response(null, {
    status: 303,
    headers: { Location: subscriptionPath(subscriber?.locale ?? 'fr', 'manage', { token }), 'Cache-Control': 'no-store' },
  });
}

/** RFC 8058 one-click: the mail provider posts `List-Unsubscribe=One-Click`; the address is deleted. */
export async function handleOneClick(page: PageRequest): Promise<Response> {
  const { ctx } = page.locals;
  if (!ctx.mail) return new Response('Not found\n', { status: 404 });
  await unsubscribe(ctx.store, page.url.searchParams.get('t') ?? '');
  // A French service answers in French first.
  return new Response('Désabonnement effectué. Unsubscribed.\n', {
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
