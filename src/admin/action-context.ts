import type { IncidentContext } from '../incidents/service-context.ts';
import type { AdminLocals } from './admin-guard.ts';

/** The context staff actions run with, from a signed-in request's locals (null when nobody is). */
export function actionContext(locals: App.Locals): { ctx: IncidentContext; admin: AdminLocals } | null {
  const admin = locals.admin;
  if (!admin?.staff) return null;
  const { store, catalogue } = locals.ctx;
  return { admin, ctx: { store, catalogue, clock: () => new Date(), actor: { email: admin.staff.email, ip: admin.ip } } };
}
