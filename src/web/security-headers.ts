import { defineMiddleware } from 'astro:middleware';
import { isSameOriginRequest, isStateChanging } from './origin-check.ts';
import { t } from '../i18n/index.ts';
import { ONE_CLICK_PATH } from '../addresses/subscription-routes.ts';
import { isHeartbeatPath } from '../addresses/heartbeat-path.ts';
import { isAdminPath, securityHeaders } from './security-policy.ts';

/**
 * Security for every rendered response: the site's headers, refusal of cross-site state-changing
 * requests (forms and JSON alike, with a bilingual explanation), and no cookies on public
 * responses so they stay cacheable by everyone.
 */
/** Redirects and fetched responses have immutable headers: copy them when needed. */
function mutable(response: Response): Response {
  try {
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  } catch {
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
  }
}

export const applySiteSecurity = defineMiddleware(async (context, next) => {
  const { settings } = context.locals.ctx;
  // RFC 8058 one-click unsubscribe is posted by mail providers, from no page: its token is its proof.
  const oneClick = context.url.pathname === ONE_CLICK_PATH;
  // A heartbeat is pushed by a service's own job, from no page: its token is its proof.
  const pushed = isHeartbeatPath(context.url.pathname);
  if (
    isStateChanging(context.request.method) &&
    !oneClick &&
    !pushed &&
    !isSameOriginRequest(context.request.headers, settings.VIGIE_PUBLIC_URL)
  ) {
    const origin = new URL(settings.VIGIE_PUBLIC_URL).origin;
    return new Response(`${t('fr').admin.crossSite(origin)}\n\n${t('en').admin.crossSite(origin)}\n`, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders(settings.VIGIE_PUBLIC_URL) },
    });
  }
  const response = mutable(await next());
  for (const [name, value] of Object.entries(securityHeaders(settings.VIGIE_PUBLIC_URL))) response.headers.set(name, value);
  // Pages say their charset in the header too, as feeds, JSON and badges do (not only in <meta>).
  if (response.headers.get('Content-Type') === 'text/html') response.headers.set('Content-Type', 'text/html; charset=utf-8');
  if (!isAdminPath(context.url.pathname)) response.headers.delete('Set-Cookie');
  return response;
});
