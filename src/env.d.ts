/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    ctx: import('./site/context.ts').SiteContext;
  }
}
