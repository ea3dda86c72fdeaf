import { keyPathFor, loadSigningKey, type SigningKey } from '../attest/signing-key.ts';
import { loadCatalogue } from '../config/load-catalogue.ts';
import type { Catalogue } from '../config/services-schema.ts';
import { loadSettings, type Settings } from '../config/settings.ts';
import { subscriptionsEnabled } from '../config/subscriptions-enabled.ts';
import { createMailTransport, type MailTransport } from '../notify/mail-transport.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { rememberLastReads, type StoreReach } from './last-reads.ts';
import { createRecoveredTroubles, type RecoveredTroubles } from './recovered-troubles.ts';

/** What every page and endpoint of the web process works with (set on `Astro.locals.ctx`). */
export interface SiteContext {
  settings: Settings;
  /** The store, its public reads answered from memory while it does not answer (see `web/last-reads.ts`). */
  store: Store;
  catalogue: Catalogue;
  storeReach: StoreReach;
  storeUnreachableSince: () => Date | null;
  /** What the store got over by itself, with the same counters the probe passes when it opens the store. */
  storeRecovered: RecoveredTroubles;
  /** Null when subscriptions are off (no SMTP settings): no page mentions them. */
  mail: MailTransport | null;
  /** The key that signs attestations, read (or made, at first start) when the context opens. */
  signingKey: Promise<SigningKey>;
}

/** A failed opening is retried on a later request, but not more often than this under a flood. */
const REOPEN_AFTER_MS = 2_000;

let opening: Promise<SiteContext> | undefined;
let failedAt = -Infinity;

/**
 * The web process's composition root: settings, catalogue and store are opened once, on the first
 * request, and passed down through `locals`; nothing below imports them as singletons. When the
 * store cannot be opened (a cold start while it is down), the rejection is kept for a moment and
 * the next request after that tries again.
 */
export function siteContext(): Promise<SiteContext> {
  if (opening && failedAt !== -Infinity && Date.now() - failedAt >= REOPEN_AFTER_MS) opening = undefined;
  if (!opening) {
    failedAt = -Infinity;
    opening = (async () => {
      const settings = loadSettings();
      const catalogue = await loadCatalogue(settings.VIGIE_SERVICES);
      const recovered = createRecoveredTroubles();
      const { store, reach } = rememberLastReads(await openStore(settings.DATABASE_URL, { onRecovered: recovered.record }));
      const mail =
        subscriptionsEnabled(settings) && settings.VIGIE_SMTP_URL && settings.VIGIE_MAIL_FROM
          ? createMailTransport({ url: settings.VIGIE_SMTP_URL, from: settings.VIGIE_MAIL_FROM, maxConnections: 1 })
          : null;
      const signingKey = loadSigningKey({ setting: settings.VIGIE_SIGNING_KEY, path: keyPathFor(settings.DATABASE_URL) });
      signingKey.catch((error: unknown) =>
        console.error('vigie-site: attestations cannot be signed:', error instanceof Error ? error.message : error),
      );
      return {
        settings,
        store,
        catalogue,
        storeReach: reach,
        storeUnreachableSince: reach.unreachableSince,
        storeRecovered: recovered,
        mail,
        signingKey,
      };
    })();
    opening.catch(() => {
      failedAt = Date.now();
    });
  }
  return opening;
}
