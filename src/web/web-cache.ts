import { createResponseCache, type ResponseCache } from './response-cache.ts';
import { createVersionPoller, type VersionPoller } from './version-poller.ts';

export interface WebCacheOptions {
  now?: () => number;
  maxAgeMs?: number;
  staleWhileRenderMs?: number;
  staleIfErrorMs?: number;
  versionPollMs?: number;
  maxEntries?: number;
  maxBytes?: number;
}

export interface WebCache {
  responses: ResponseCache;
  /** Gives the cache its data-version source; the first call wins (the web process has one store). */
  connect(readVersion: () => Promise<number>): void;
}

/**
 * The response cache of one web process. It can exist before the store is open (the server wrapper
 * creates it); the middleware connects the store's data version on its first request.
 */
export function createWebCache(options: WebCacheOptions = {}): WebCache {
  const now = options.now ?? Date.now;
  let poller: VersionPoller | null = null;
  // Until the middleware connects the store, there is no version: nothing is served from the cache.
  const versions: VersionPoller = {
    current: () => (poller ? poller.current() : Promise.reject(new Error('web cache not connected to a store yet'))),
    peek: () => poller?.peek() ?? null,
    errors: () => poller?.errors() ?? 0,
  };
  const responses = createResponseCache({
    versions,
    now,
    maxAgeMs: options.maxAgeMs ?? 15_000,
    staleWhileRenderMs: options.staleWhileRenderMs ?? 10_000,
    staleIfErrorMs: options.staleIfErrorMs ?? 600_000,
    maxEntries: options.maxEntries ?? 2000,
    maxBytes: options.maxBytes ?? 128 * 1024 * 1024,
  });
  return {
    responses,
    connect(read) {
      poller ??= createVersionPoller({ read, intervalMs: options.versionPollMs ?? 1000, now });
    },
  };
}
