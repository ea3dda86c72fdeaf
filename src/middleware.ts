import { defineMiddleware, sequence } from 'astro:middleware';
import { guardAdmin } from './admin/admin-guard.ts';
import { siteContext } from './web/context.ts';
import { applySiteSecurity } from './web/security-headers.ts';
import { answerRefusedForms } from './web/refused-form-middleware.ts';
import { createCacheMiddleware } from './web/cache-middleware.ts';
import { createStoreOutageMiddleware } from './web/store-outage-middleware.ts';
import { sharedWebCache } from './web/shared-web-cache.ts';

/** Sets `locals.ctx`; a store that cannot be reached with nothing remembered gets a bilingual 503. */
const provideContext = defineMiddleware(createStoreOutageMiddleware(siteContext));

/** Public GET/HEAD responses are rendered once per data version and served from memory. */
const cachePublicResponses = createCacheMiddleware(sharedWebCache);

// The cache stores responses with the security headers already applied, so hits (also those the
// server wrapper answers before Astro) carry them; it never takes /admin or non-GET requests, which
// reach the security check and the admin guard as before. A form refused by its reader answers
// inside the security headers, on public and staff routes alike.
export const onRequest = sequence(provideContext, cachePublicResponses, applySiteSecurity, answerRefusedForms, guardAdmin);
