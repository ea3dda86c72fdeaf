import type { APIRoute } from 'astro';
import { adminHref } from '../../admin/admin-href.ts';
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from '../../admin/session.ts';

/** Sign-out is a POST (a link or an image elsewhere cannot sign staff out); GET is not allowed. */
export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  const admin = locals.admin;
  const cookie = cookies.get(SESSION_COOKIE)?.value;
  if (admin?.staff) {
    await admin.services.sessions.end(cookie);
    await locals.ctx.store.appendAudit({ at: new Date(), actor: admin.staff.email, ip: admin.ip, action: 'logout', target: null, before: null, after: null });
  }
  cookies.delete(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
  return redirect(adminHref('/admin/login', admin?.lang ?? 'fr'), 303);
};
