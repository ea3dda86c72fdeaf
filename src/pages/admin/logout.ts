import type { APIRoute } from 'astro';
import { adminHref } from '../../admin/admin-href.ts';
import { createSessions } from '../../admin/session.ts';
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from '../../domain/staff-session.ts';
import { auditEntry } from '../../domain/audit-entry.ts';

/** Sign-out is a POST (a link or an image elsewhere cannot sign staff out); GET is not allowed. */
export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  const admin = locals.admin;
  const cookie = cookies.get(SESSION_COOKIE)?.value;
  if (admin?.staff) {
    const clock = () => new Date();
    const actor = { email: admin.staff.email, ip: admin.ip };
    await locals.ctx.store.audited(
      (store) => createSessions({ store, clock }).end(cookie),
      () => auditEntry(clock(), actor, 'logout'),
    );
  }
  cookies.delete(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
  return redirect(adminHref('/admin/login', admin?.lang ?? 'fr'), 303);
};
