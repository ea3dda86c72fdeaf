import { defineMiddleware } from 'astro:middleware';
import type { Locale } from '../domain/vocabulary.ts';
import type { StaffAccount } from '../domain/staff-records.ts';
import { isAdminPath } from '../web/security-policy.ts';
import { trimTrailingSlashes } from '../domain/trim-slashes.ts';
import { adminServices, type AdminServices } from './admin-services.ts';
import { clientAddress, peerOf } from '../web/client-address.ts';
import { SESSION_COOKIE } from '../domain/staff-session.ts';

/** What admin pages find in `Astro.locals.admin`. */
export interface AdminLocals {
  staff: StaffAccount | null;
  lang: Locale;
  ip: string;
  services: AdminServices;
}

const PUBLIC_ADMIN_PATHS = new Set(['/admin/login']);

export function adminLang(url: URL): Locale {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
}

/**
 * Staff pages: resolve the session, send strangers to the sign-in page, and make sure no admin
 * response is ever cached or indexed.
 */
export const guardAdmin = defineMiddleware(async (context, next) => {
  if (!isAdminPath(context.url.pathname)) return next();
  const { ctx } = context.locals;
  const services = adminServices(ctx);
  const peer = peerOf(context);
  // Nobody is left to answer: nothing is checked, nothing is logged.
  if (peer === null) return new Response(null, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  const ip = clientAddress(peer, context.request.headers.get('x-forwarded-for'), ctx.settings.VIGIE_TRUSTED_PROXIES);
  const resumed = await services.sessions.resume(context.cookies.get(SESSION_COOKIE)?.value);
  const lang = adminLang(context.url);
  context.locals.admin = { staff: resumed?.account ?? null, lang, ip, services };
  const path = trimTrailingSlashes(context.url.pathname);
  const response =
    !resumed && !PUBLIC_ADMIN_PATHS.has(path)
      ? new Response(null, { status: 303, headers: { Location: `/admin/login${lang === 'en' ? '?lang=en' : ''}` } })
      : await next();
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Robots-Tag', 'noindex, nofollow');
  // Not `no-referrer`: with it Chromium sends `Origin: null` on form posts, which the origin check refuses.
  headers.set('Referrer-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});
