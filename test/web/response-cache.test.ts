import { describe, expect, it } from 'vitest';
import { entryBytes, variantBody, type CachedEntry } from '../../src/web/cached-entry.ts';
import { createResponseCache, type Rendered } from '../../src/web/response-cache.ts';
import { createVersionPoller } from '../../src/web/version-poller.ts';

function setup(options: { maxEntries?: number; maxBytes?: number } = {}) {
  let clock = 1_000_000;
  let version = 1;
  let versionReads = 0;
  let renders = 0;
  const versions = createVersionPoller({
    read: async () => {
      versionReads += 1;
      return version;
    },
    intervalMs: 1000,
    now: () => clock,
  });
  const cache = createResponseCache({
    versions,
    now: () => clock,
    maxAgeMs: 15_000,
    staleWhileRenderMs: 10_000,
    staleIfErrorMs: 600_000,
    maxEntries: options.maxEntries ?? 100,
    maxBytes: options.maxBytes ?? 10_000_000,
  });
  const render =
    (body: string, status = 200, headers: Record<string, string> = {}) =>
    async (): Promise<Rendered> => {
      renders += 1;
      // A render finishes on a later turn of the event loop, as a real one does, never in the same tick.
      await new Promise((r) => setImmediate(r));
      return { status, headers: new Headers({ 'content-type': 'text/html', ...headers }), body: Buffer.from(`${body}#${renders}`) };
    };
  return {
    cache,
    render,
    advance: (ms: number) => (clock += ms),
    bump: () => (version += 1),
    counts: () => ({ renders, versionReads }),
  };
}

describe('response cache', () => {
  it('renders once for 200 concurrent requests and serves the rest from that render', async () => {
    const s = setup();
    const results = await Promise.all(Array.from({ length: 200 }, () => s.cache.get('/fr/', s.render('page'))));
    expect(s.counts()).toEqual({ renders: 1, versionReads: 1 });
    expect(results.filter((r) => r.outcome === 'miss')).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.etag)).size).toBe(1);
    expect((await s.cache.get('/fr/', s.render('page'))).outcome).toBe('hit');
  });

  it('re-renders when the data version changes, noticed within a second', async () => {
    const s = setup();
    const first = await s.cache.get('/fr/', s.render('page'));
    s.bump();
    expect((await s.cache.get('/fr/', s.render('page'))).outcome).toBe('hit');
    s.advance(1000);
    const after = await s.cache.get('/fr/', s.render('page'));
    expect(after.outcome).toBe('miss');
    expect(after.entry.body.toString()).not.toBe(first.entry.body.toString());
  });

  it('answers with the previous entry while one request re-renders, then with the new one', async () => {
    const s = setup();
    const first = await s.cache.get('/fr/', s.render('page'));
    s.bump();
    s.advance(1000);
    const renderer = s.cache.get('/fr/', s.render('page'));
    const others = await Promise.all(Array.from({ length: 50 }, () => s.cache.get('/fr/', s.render('page'))));
    expect(others.every((r) => r.outcome === 'stale' && r.entry === first.entry)).toBe(true);
    expect(s.cache.peek('/fr/')).toMatchObject({ outcome: 'stale' });
    const fresh = await renderer;
    expect(fresh.outcome).toBe('miss');
    expect(s.cache.peek('/fr/')).toEqual({ entry: fresh.entry, outcome: 'hit' });
    expect(s.counts().renders).toBe(2);
  });

  it('re-renders after the maximum age even when nothing changed', async () => {
    const s = setup();
    await s.cache.get('/fr/', s.render('page'));
    s.advance(14_000);
    expect((await s.cache.get('/fr/', s.render('page'))).outcome).toBe('hit');
    s.advance(1_000);
    expect((await s.cache.get('/fr/', s.render('page'))).outcome).toBe('miss');
  });

  it('does not keep responses that set cookies, are private or failed', async () => {
    const s = setup();
    await s.cache.get('/a', s.render('x', 200, { 'set-cookie': 'a=b' }));
    await s.cache.get('/b', s.render('x', 200, { 'cache-control': 'private' }));
    await s.cache.get('/c', s.render('x', 503));
    expect(s.cache.stats().entries).toBe(0);
  });

  it('serves the last good render when a re-render fails', async () => {
    const s = setup();
    const good = await s.cache.get('/fr/', s.render('good'));
    s.advance(16_000);
    const failing = await s.cache.get('/fr/', async () => {
      throw new Error('store down');
    });
    expect(failing).toMatchObject({ outcome: 'stale-error' });
    expect(failing.entry.etag).toBe(good.entry.etag);
  });

  it('evicts the least recently used entries beyond its budget', async () => {
    const s = setup({ maxEntries: 2 });
    await s.cache.get('/a', s.render('a'));
    await s.cache.get('/b', s.render('b'));
    await s.cache.get('/a', s.render('a'));
    await s.cache.get('/c', s.render('c'));
    expect(s.cache.stats().entries).toBe(2);
    expect((await s.cache.get('/a', s.render('a'))).outcome).toBe('hit');
    expect((await s.cache.get('/b', s.render('b'))).outcome).toBe('miss');
  });

  it('counts compressed variants in its byte budget and gives back exactly what it counted', async () => {
    const s = setup({ maxEntries: 3, maxBytes: 1_000_000 });
    const page = (name: string) => s.render(`${name}${'<p>vigie</p>'.repeat(2000)}`);
    const held = new Map<string, CachedEntry>();
    for (let round = 0; round < 20; round++) {
      const key = `/p${round}`;
      const { entry } = await s.cache.get(key, page(key));
      held.set(key, entry);
      variantBody(entry, 'gzip');
      variantBody(entry, 'br');
      const expected = [...held].filter(([k]) => s.cache.peek(k) !== null).reduce((sum, [, e]) => sum + entryBytes(e), 0);
      expect(s.cache.stats().bytes).toBe(expected);
    }
    expect(s.cache.stats().entries).toBe(3);
  });

  it('evicts when compressed variants push it past its byte budget', async () => {
    const body = '<p>vigie</p>'.repeat(2000);
    // Room for both bodies (`#1`, `#2` appended) and their 512-byte allowance, not for a variant.
    const s = setup({ maxEntries: 10, maxBytes: 2 * (body.length + 2 + 512) + 10 });
    const first = await s.cache.get('/a', s.render(body));
    await s.cache.get('/b', s.render(body));
    expect(s.cache.stats().entries).toBe(2);
    variantBody(first.entry, 'gzip');
    expect(s.cache.stats().entries).toBe(1);
    expect(s.cache.stats().bytes).toBe(entryBytes(first.entry));
  });
});

describe('version poller', () => {
  it('reads at most once per interval and keeps the last value while the next read runs', async () => {
    let clock = 0;
    let reads = 0;
    let release: (v: number) => void = () => undefined;
    const poller = createVersionPoller({
      read: () => {
        reads += 1;
        return new Promise<number>((resolve) => (release = resolve));
      },
      intervalMs: 1000,
      now: () => clock,
    });
    expect(poller.peek()).toBeNull();
    release(4);
    expect(await poller.current()).toBe(4);
    clock = 999;
    expect([poller.peek(), reads]).toEqual([4, 1]);
    clock = 1500;
    expect([poller.peek(), poller.peek(), reads]).toEqual([4, 4, 2]);
    release(5);
    await poller.current();
    expect(poller.peek()).toBe(5);
    clock = 10_000;
    expect(poller.peek()).toBeNull();
  });
});

describe('response cache when the store fails', () => {
  it('serves the last render while the data version cannot be read, and counts the failures', async () => {
    let failing = false;
    let clock = 0;
    const versions = createVersionPoller({
      read: async () => {
        if (failing) throw new Error('database is locked');
        return 1;
      },
      intervalMs: 1000,
      now: () => clock,
    });
    const cache = createResponseCache({
      versions,
      now: () => clock,
      maxAgeMs: 15_000,
      staleWhileRenderMs: 10_000,
      staleIfErrorMs: 600_000,
      maxEntries: 10,
      maxBytes: 1e6,
    });
    const render = async (): Promise<Rendered> => ({ status: 200, headers: new Headers(), body: Buffer.from('ok') });
    const first = await cache.get('/fr/', render);
    failing = true;
    clock = 5_000;
    expect(await cache.get('/fr/', render)).toEqual({ entry: first.entry, outcome: 'stale-error' });
    await expect(cache.get('/en/', render)).rejects.toThrow('database is locked');
    expect(cache.stats().versionReadErrors).toBe(2);
  });
});
