/**
 * Staff session limits: the sessions, the sign-in pages and the privacy page (which tells how long
 * the cookie lives) must agree on them, so they sit below all three.
 */
export const SESSION_COOKIE = '__Host-vigie_session';
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

/**
 * `__Host-`: Secure, Path=/ and no Domain, so no sibling host can plant or read it. Browsers treat
 * http://localhost and http://127.0.0.1 as secure contexts and keep Secure cookies there, so a
 * local demo works over plain HTTP (checked in Chromium by test/admin/browser); anything else
 * must be served over HTTPS.
 */
export const SESSION_COOKIE_OPTIONS = { secure: true, httpOnly: true, sameSite: 'strict', path: '/' } as const;
