import { loadCatalogue } from '../config/load-catalogue.ts';
import type { Catalogue } from '../config/services-schema.ts';
import { loadSettings, type Settings } from '../config/settings.ts';
import { subscriptionsEnabled } from '../notify/enabled.ts';
import { createMailTransport, type MailTransport } from '../notify/mail-transport.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

/** What every page and endpoint of the web process works with (set on `Astro.locals.ctx`). */
export interface SiteContext {
  settings: Settings;
  store: Store;
  catalogue: Catalogue;
  /** Null when subscriptions are off (no SMTP settings): no page mentions them. */
  mail: MailTransport | null;
}

let opening: Promise<SiteContext> | undefined;

/**
 * The web process's composition root: settings, catalogue and store are opened once, on the first
 * request, and passed down through `locals`; nothing below imports them as singletons.
 */
export function siteContext(): Promise<SiteContext> {
  opening ??= (async () => {
    const settings = loadSettings();
    const catalogue = await loadCatalogue(settings.VIGIE_SERVICES);
    const store = await openStore(settings.DATABASE_URL);
    const mail =
      subscriptionsEnabled(settings) && settings.VIGIE_SMTP_URL && settings.VIGIE_MAIL_FROM
        ? createMailTransport({ url: settings.VIGIE_SMTP_URL, from: settings.VIGIE_MAIL_FROM, maxConnections: 1 })
        : null;
    return { settings, store, catalogue, mail };
  })();
  opening.catch(() => {
    opening = undefined;
  });
  return opening;
}
