import { ONE_CLICK_PATH, SUBSCRIPTION_PAGES, subscriptionPath } from '../addresses/subscription-routes.ts';
import { LOCALES } from '../domain/vocabulary.ts';
import { trimTrailingSlashes } from '../domain/trim-slashes.ts';
import { REQUEST_LIMITS } from './request-limits.ts';

/**
 * The largest body each public form can honestly send, so a stranger's post costs what that form
 * needs and not what a staff notice needs (REQUEST_LIMITS.bodyBytes). Checked on the declared
 * length, before a byte of the body is read.
 */
const KIB = 1024;
/** A token or a one-click post: well under a kibibyte. */
const TOKEN_FORM = 2 * KIB;
/**
 * Email, password and code: the longest password the policy takes (1,024 characters of up to 4
 * UTF-8 bytes, each percent-encoded as 3) fits; the body-caps test holds the two together.
 */
const SIGN_IN_FORM = 16 * KIB;
/** Email, language and one `services=<id>` box per service: room for a catalogue of ~250 services. */
const CHOICES_FORM = 8 * KIB;

const CAPS = new Map<string, number>([
  ['/admin/login', SIGN_IN_FORM],
  [ONE_CLICK_PATH, TOKEN_FORM],
  ...LOCALES.flatMap((locale) =>
    SUBSCRIPTION_PAGES.map((page): [string, number] => [subscriptionPath(locale, page), page === 'confirm' ? TOKEN_FORM : CHOICES_FORM]),
  ),
]);

/** The body cap of the route a raw request target names (pure). */
export function bodyCapFor(target: string): number {
  const raw = target.split('?', 1)[0] ?? '/';
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape routes nowhere: the general cap is enough.
  }
  return CAPS.get(trimTrailingSlashes(path)) ?? REQUEST_LIMITS.bodyBytes;
}
