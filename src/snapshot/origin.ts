import type { FetchedPage } from './publish.ts';

/** Asks the site's own server over loopback, uncompressed (the copy compresses each file itself). */
export function loopbackOrigin(baseUrl: string): (path: string) => Promise<FetchedPage> {
  return async (path) => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { 'Accept-Encoding': 'identity' }, redirect: 'manual' });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };
}
