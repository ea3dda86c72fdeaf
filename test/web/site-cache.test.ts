import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { seedSite, type SeededSite } from '../support/seed-site.ts';

let seeded: SeededSite;
let site: RunningSite;

beforeAll(async () => {
  seeded = await seedSite({ services: 6, days: 3, now: new Date() });
  site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' }, { clockControl: true });
});

afterAll(async () => {
  await site?.stop();
  await seeded?.cleanup();
});

/** node:http, so Host and X-Forwarded-* can be set as an attacker would. */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(path, site.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web response cache on the built site', () => {
  it('renders once for 200 concurrent requests to a cold page', async () => {
    const responses = await Promise.all(Array.from({ length: 200 }, () => raw('/en/services/service-2')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const outcomes = responses.map((r) => r.headers['x-vigie-cache']);
    expect(outcomes.filter((o) => o === 'miss')).toHaveLength(1);
    expect(outcomes.every((o) => o === 'miss' || o === 'shared' || o === 'hit')).toBe(true);
    expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
  });

  it('answers If-None-Match with 304 and the cache headers', async () => {
    const first = await raw('/fr/');
    expect(first.headers['cache-control']).toBe('public, max-age=15, stale-while-revalidate=30, stale-if-error=600');
    expect(first.headers.vary).toBe('Accept-Encoding');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await raw('/fr/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await raw('/fr/', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('does not make new entries for unknown query strings', async () => {
    const plain = await raw('/fr/feed.xml');
    const junk = await raw('/fr/feed.xml?utm_source=x&nocache=12345');
    expect(junk.headers['x-vigie-cache']).toBe('hit');
    expect(junk.headers.etag).toBe(plain.headers.etag);
  });

  it('never builds a response from Host or X-Forwarded-* headers', async () => {
    const evil = { Host: 'evil.example', 'X-Forwarded-Host': 'evil2.example', 'X-Forwarded-Proto': 'gopher' };
    for (const path of ['/en/incidents', '/api/v2/summary.json', '/en/feed.atom']) {
      const response = await raw(path, evil);
      expect(response.status).toBe(200);
      const text = response.body.toString();
      expect(text).not.toContain('evil');
      expect(text).toContain('https://vigie.example.fr/');
    }
  });

  it('compresses with brotli or gzip as the client accepts, same content either way', async () => {
    const plain = await raw('/fr/');
    const br = await raw('/fr/', { 'Accept-Encoding': 'gzip, br' });
    const gz = await raw('/fr/', { 'Accept-Encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    expect((await raw('/fr/', { 'If-None-Match': String(br.headers.etag) })).status).toBe(304);
  });

  it('serves hits with the same headers as the render, security headers included', async () => {
    const miss = await raw('/en/maintenance');
    const hit = await raw('/en/maintenance');
    expect([miss.headers['x-vigie-cache'], hit.headers['x-vigie-cache']]).toEqual(['miss', 'hit']);
    for (const name of [
      'content-type',
      'content-security-policy',
      'x-content-type-options',
      'strict-transport-security',
      'etag',
      'cache-control',
    ]) {
      expect(hit.headers[name], name).toBe(miss.headers[name]);
    }
    expect(hit.headers['content-security-policy']).toContain("default-src 'self'");
    expect(hit.body.equals(miss.body)).toBe(true);
  });

  it('compresses and honours HEAD on the request that renders, not only on hits', async () => {
    const cold = await raw('/fr/services/service-3', { 'Accept-Encoding': 'br' });
    expect(cold.headers['x-vigie-cache']).toBe('miss');
    expect(cold.headers['content-encoding']).toBe('br');
    const coldHead = await raw('/en/services/service-4', {}, 'HEAD');
    expect(coldHead.headers['x-vigie-cache']).toBe('miss');
    expect(coldHead.body.length).toBe(0);
  });

  it('answers HEAD from the same entry without a body', async () => {
    const get = await raw('/en/');
    const head = await raw('/en/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('answers cached pages before anything else, yet judges their address as the server does', async () => {
    const utf8 = await raw('/fr/?q=caf%C3%A9');
    const latin1 = await raw('/fr/?q=caf%e9');
    expect([latin1.status, latin1.headers['x-vigie-cache']]).toEqual([200, 'hit']);
    expect(latin1.headers.etag).toBe(utf8.headers.etag);
    await raw('/fr/');
    expect((await raw(`/fr/?utm=${'a'.repeat(13 * 1024)}`)).status).toBe(414);
    expect((await raw('/fr/%00')).status).toBe(400);
    // The request headers a hit depends on are read whatever the case of their names.
    const gz = await raw('/fr/', { 'ACCEPT-ENCODING': 'gzip', 'IF-NONE-MATCH': '"other"' });
    expect([gz.status, gz.headers['content-encoding'], gz.headers['x-vigie-cache']]).toEqual([200, 'gzip', 'hit']);
    expect((await raw('/fr/', { 'if-none-match': String(gz.headers.etag) })).status).toBe(304);
  });

  it('leaves health checks and non-GET requests alone', async () => {
    const health = await raw('/healthz');
    expect(health.headers['x-vigie-cache']).toBeUndefined();
    expect(JSON.parse(health.body.toString())).toMatchObject({
      status: 'ok',
      store: 'ok',
      storeRecovered: { busy_retry: 0, connection_lost: 0 },
      cache: { versionReadErrors: 0 },
    });
    expect(JSON.parse(health.body.toString()).cache.entries).toBeGreaterThan(0);
    expect((await raw('/fr/', {}, 'POST')).headers['x-vigie-cache']).toBeUndefined();
  });

  it('renders again once the data version changes', async () => {
    const before = await raw('/api/v2/incidents/unresolved.json');
    expect(JSON.parse(before.body.toString()).incidents).toEqual([]);
    await seeded.store.createIncident({
      title: { fr: 'Lenteurs sur Service 1', en: 'Slowness on Service 1' },
      status: 'investigating',
      affected: [{ serviceId: 'service-1', impact: 'degraded' }],
      body: { fr: 'Nous enquêtons.', en: 'We are investigating.' },
      author: 'staff@example.fr',
      at: new Date(),
    });
    // Two poll intervals on: the last version read is too old to serve from, so the next request reads it.
    await site.advanceClock(2_000);
    const after = await raw('/api/v2/incidents/unresolved.json');
    expect(JSON.parse(after.body.toString()).incidents.map((i: { name: string }) => i.name)).toEqual(['Lenteurs sur Service 1']);
  });
});
