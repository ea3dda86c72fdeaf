/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    ctx: import('./web/context.ts').SiteContext;
    /** Set on /admin paths by the admin guard: the signed-in staff member, language, client address. */
    admin?: import('./admin/admin-guard.ts').AdminLocals;
  }
}
