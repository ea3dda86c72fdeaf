import { createResponseCache, type ResponseCache } from './response-cache.ts';
import { createVersionPoller } from './version-poller.ts';

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
  let readVersion: (() => Promise<number>) | null = null;
  const versions = createVersionPoller({
    read: () => (readVersion ? readVersion() : Promise.reject(new Error('web cache not connected to a store yet'))),
    intervalMs: options.versionPollMs ?? 1000,
    now,
  });
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
      readVersion ??= read;
    },
  };
}
