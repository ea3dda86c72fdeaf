import { entryBytes, entryFromRendered, type CachedEntry } from './cached-entry.ts';
import type { VersionPoller } from './version-poller.ts';

/** What a render produced, body read in full. */
export interface Rendered {
  status: number;
  headers: Headers;
  body: Buffer;
}

export type CacheOutcome = 'hit' | 'miss' | 'shared' | 'stale' | 'stale-error';

export interface CacheOptions {
  versions: VersionPoller;
  now: () => number;
  /** An entry is re-rendered after this long even if the data did not change ("checked 40 s ago"). */
  maxAgeMs: number;
  /** How long past `maxAgeMs` an entry may be served while its re-render is under way. */
  staleWhileRenderMs: number;
  /** When a render fails, an entry this young may still be served. */
  staleIfErrorMs: number;
  maxEntries: number;
  maxBytes: number;
}

const STORED_STATUSES = new Set([200, 404]);

function isStorable(rendered: Rendered): boolean {
  const cacheControl = rendered.headers.get('cache-control') ?? '';
  return STORED_STATUSES.has(rendered.status) && !rendered.headers.has('set-cookie') && !/no-store|private/i.test(cacheControl);
}

/**
 * Rendered responses per key, valid while the store's data version is unchanged and younger than
 * `maxAgeMs`. One render per key at a time: concurrent requests share it (no stampede).
 * Least recently used entries go first when the entry or byte budget is exceeded.
 */
export function createResponseCache(options: CacheOptions) {
  const entries = new Map<string, CachedEntry>();
  /** Bytes counted for each entry when stored or grown, subtracted exactly when it goes. */
  const charged = new Map<CachedEntry, number>();
  const inFlight = new Map<string, Promise<CachedEntry>>();
  let bytes = 0;
  let renders = 0;
  /** The most recently used key: touching it again changes nothing, so a page under a flood skips the Map's delete and set. */
  let newest: string | null = null;

  function remember(key: string, entry: CachedEntry): void {
    forget(key);
    entries.set(key, entry);
    newest = key;
    charge(entry, entryBytes(entry));
    // A compressed variant made later (on a hit) grows the entry while it is held.
    entry.onGrow = (grown) => {
      if (!charged.has(entry)) return;
      charge(entry, grown);
      evictOver(entry);
    };
    evictOver(entry);
  }

  function charge(entry: CachedEntry, amount: number): void {
    charged.set(entry, (charged.get(entry) ?? 0) + amount);
    bytes += amount;
  }

  /** Least recently used first, never `keep` (the entry being answered with). */
  function evictOver(keep: CachedEntry): void {
    for (const [oldest, old] of entries) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
      if (old === keep) continue;
      forget(oldest);
    }
  }

  function forget(key: string): void {
    const old = entries.get(key);
    if (!old) return;
    bytes -= charged.get(old) ?? 0;
    charged.delete(old);
    entries.delete(key);
    if (newest === key) newest = null;
  }

  function touch(key: string, entry: CachedEntry): void {
    if (key === newest) return;
    entries.delete(key);
    entries.set(key, entry);
    newest = key;
  }

  async function renderShared(key: string, version: number, render: () => Promise<Rendered>): Promise<CachedEntry> {
    renders += 1;
    try {
      const rendered = await render();
      const entry = entryFromRendered(rendered, version, options.now());
      if (rendered.status >= 500) throw Object.assign(new Error(`render of ${key} answered ${rendered.status}`), { entry });
      if (isStorable(rendered)) remember(key, entry);
      return entry;
    } finally {
      inFlight.delete(key);
    }
  }

  function lookup(key: string, version: number): CachedEntry | null {
    const cached = entries.get(key);
    if (!cached || cached.version !== version || options.now() - cached.createdAt >= options.maxAgeMs) return null;
    touch(key, cached);
    return cached;
  }

  /**
   * While one request re-renders a key, the others get the previous entry at once rather than all
   * waiting on it; only for a short while, so a stuck render cannot keep old news up for long.
   */
  function staleDuringRender(key: string): CachedEntry | null {
    const cached = entries.get(key);
    if (!cached || !inFlight.has(key)) return null;
    return options.now() - cached.createdAt < options.maxAgeMs + options.staleWhileRenderMs ? cached : null;
  }

  return {
    /** An entry to answer with without waiting for anything: the hot path. */
    peek(key: string): { entry: CachedEntry; outcome: CacheOutcome } | null {
      const version = options.versions.peek();
      const hit = version === null ? null : lookup(key, version);
      if (hit) return { entry: hit, outcome: 'hit' };
      const stale = staleDuringRender(key);
      return stale ? { entry: stale, outcome: 'stale' } : null;
    },
    async get(key: string, render: () => Promise<Rendered>): Promise<{ entry: CachedEntry; outcome: CacheOutcome }> {
      let version: number;
      try {
        version = await options.versions.current();
      } catch (error) {
        // The store cannot say whether anything changed: the last render is the best answer left.
        const cached = entries.get(key);
        if (cached && options.now() - cached.createdAt < options.staleIfErrorMs) return { entry: cached, outcome: 'stale-error' };
        throw error;
      }
      const hit = lookup(key, version);
      if (hit) return { entry: hit, outcome: 'hit' };
      const stale = staleDuringRender(key);
      if (stale) return { entry: stale, outcome: 'stale' };
      const cached = entries.get(key);
      const running = inFlight.get(key);
      const shared = running !== undefined;
      const flight = running ?? renderShared(key, version, render);
      if (!shared) inFlight.set(key, flight);
      try {
        return { entry: await flight, outcome: shared ? 'shared' : 'miss' };
      } catch (error) {
        if (cached && options.now() - cached.createdAt < options.staleIfErrorMs) return { entry: cached, outcome: 'stale-error' };
        const failed = (error as { entry?: CachedEntry }).entry;
        if (failed) return { entry: failed, outcome: shared ? 'shared' : 'miss' };
        throw error;
      }
    },
    stats() {
      return { entries: entries.size, bytes, renders, inFlight: inFlight.size, versionReadErrors: options.versions.errors() };
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
