/**
 * What the sender says at start-up when emails will carry a plain-http unsubscribe link: mail
 * providers offer their one-click unsubscribe (RFC 8058) only for https addresses, and readers
 * get a link to an unencrypted page (pure). Null when the public address is https.
 */
export function plainPublicUrlWarning(publicUrl: string): string | null {
  if (new URL(publicUrl).protocol === 'https:') return null;
  return `VIGIE_PUBLIC_URL is ${publicUrl}, not https: emails link to it and mail providers offer one-click unsubscribe only for https addresses. Set it to the site's public https address in production.`;
}
