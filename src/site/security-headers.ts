import { defineMiddleware } from 'astro:middleware';
import { isSameOriginRequest, isStateChanging } from '../admin/origin-check.ts';
import { t } from '../i18n/index.ts';

/**
 * Security for every response of the site: the headers below, refusal of cross-site
 * state-changing requests (forms and JSON alike, on top of Astro's own form check), and no
 * cookies on public responses so they stay cacheable by everyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Element styles come from our stylesheets only; style attributes (chart geometry) are allowed.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HSTS = 'max-age=63072000; includeSubDomains';

export function securityHeaders(publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (publicUrl.startsWith('https://')) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}

export function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/** Redirects and fetched responses have immutable headers: copy them when needed. */
function mutable(response: Response): Response {
  try {
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  } catch {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
  }
}

export const applySiteSecurity = defineMiddleware(async (context, next) => {
  const { settings } = context.locals.ctx;
  if (isStateChanging(context.request.method) && !isSameOriginRequest(context.request.headers, settings.VIGIE_PUBLIC_URL)) {
    const origin = new URL(settings.VIGIE_PUBLIC_URL).origin;
    return new Response(`${t('fr').admin.crossSite(origin)}\n\n${t('en').admin.crossSite(origin)}\n`, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders(settings.VIGIE_PUBLIC_URL) },
    });
  }
  const response = mutable(await next());
  for (const [name, value] of Object.entries(securityHeaders(settings.VIGIE_PUBLIC_URL))) response.headers.set(name, value);
  if (!isAdminPath(context.url.pathname)) response.headers.delete('Set-Cookie');
  return response;
});
