/**
 * Cross-site request refusal for every state-changing request (forms and JSON alike). Browsers
 * send Origin on such requests; when it is missing we fall back to Sec-Fetch-Site, and refuse
 * when neither proves the request came from our own pages.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function isSameOriginRequest(headers: Headers, publicUrl: string): boolean {
  const expected = new URL(publicUrl).origin;
  const origin = headers.get('origin');
  if (origin !== null) return origin === expected;
  return headers.get('sec-fetch-site') === 'same-origin';
}
