import type { FetchedPage } from './render-file.ts';

const ATTEMPTS = 3;

/**
 * Asks the site's own server over loopback, uncompressed (the copy compresses each file itself).
 * A keep-alive connection the server dropped, or a 408 (its event loop held past the header
 * timeout on a loaded machine), is asked again: one such hiccup would fail a whole publication.
 */
export function loopbackOrigin(baseUrl: string): (path: string) => Promise<FetchedPage> {
  const ask = async (path: string): Promise<FetchedPage> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { 'Accept-Encoding': 'identity' }, redirect: 'manual' });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };
  return async (path) => {
    for (let attempt = 1; ; attempt++) {
      const page = await ask(path).catch((error: unknown) => {
        if (attempt >= ATTEMPTS) throw error;
        return null;
      });
      if (page && (page.status !== 408 || attempt >= ATTEMPTS)) return page;
    }
  };
}
