import type { SiteContext } from '../web/context.ts';
import { createLogin, type LoginAttempt, type LoginResult } from './login.ts';
import { createSessions, type Sessions } from './session.ts';
import { createThrottle } from './throttle.ts';

/** The staff side's services, built once per site context (one store, one set of limits). */
export interface AdminServices {
  sessions: Sessions;
  login: (attempt: LoginAttempt) => Promise<LoginResult>;
  requireTotp: boolean;
}

const built = new WeakMap<SiteContext, AdminServices>();

export function adminServices(ctx: SiteContext, clock: () => Date = () => new Date()): AdminServices {
  let services = built.get(ctx);
  if (!services) {
    const sessions = createSessions({ store: ctx.store, clock });
    const throttle = createThrottle({ store: ctx.store, clock });
    const requireTotp = ctx.settings.VIGIE_REQUIRE_TOTP;
    services = { sessions, login: createLogin({ store: ctx.store, clock, throttle, sessions, requireTotp }), requireTotp };
    built.set(ctx, services);
  }
  return services;
}
