import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYWORD, flap, hang, status, up } from './behaviours.ts';
import { type FakeGov, startFakeGov } from './index.ts';

let gov: FakeGov;
beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
});
afterAll(() => gov.stop());

/** A bare GET with a fresh connection, so the fake sees exactly one request per call. */
function get(url: string, localAddress?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false, localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the fake government', () => {
  it('answers up with the keyword by default and counts hits per service', async () => {
    const first = await get(gov.url('caf'));
    expect(first.status).toBe(200);
    expect(first.body).toContain(FAKE_KEYWORD);
    await get(gov.url('caf'));
    expect(gov.hits('caf')).toBe(2);
    expect(gov.hits('never-asked')).toBe(0);
  });

  it('answers per source address: one service for one address, or everything for another', async () => {
    gov.setFrom('127.0.0.4', 'fenced', status(403));
    gov.setFrom('127.0.0.3', null, status(502));
    expect((await get(gov.url('fenced'), '127.0.0.2')).status).toBe(200);
    expect((await get(gov.url('fenced'), '127.0.0.4')).status).toBe(403);
    expect((await get(gov.url('other'), '127.0.0.4')).status).toBe(200);
    expect((await get(gov.url('other'), '127.0.0.3')).status).toBe(502);
    expect((await get(gov.url('canary'), '127.0.0.3')).status).toBe(502);
    expect(gov.hitsFrom('127.0.0.4', 'fenced')).toBe(1);
    expect(gov.hitsFrom('127.0.0.2', 'fenced')).toBe(1);
  });

  it('switches behaviour at run time and cycles a flapping pattern per request', async () => {
    gov.set('ameli', flap([up(), status(500), status(503)]));
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await get(gov.url('ameli'))).status);
    expect(statuses).toEqual([200, 500, 503, 200, 500, 503]);
    gov.set('ameli', up());
    expect((await get(gov.url('ameli'))).status).toBe(200);
  });

  it('applies the default behaviour to services without their own', async () => {
    gov.setDefault(status(502));
    try {
      expect((await get(gov.url('anything'))).status).toBe(502);
      gov.set('anything', up());
      expect((await get(gov.url('anything'))).status).toBe(200);
    } finally {
      gov.setDefault(up());
    }
  });

  it('answers 404 outside /svc/ and counts nothing', async () => {
    const before = gov.totalHits();
    expect((await get(`${gov.http}/elsewhere`)).status).toBe(404);
    expect(gov.totalHits()).toBe(before);
  });

  it('offers a port where connections are refused', async () => {
    await expect(get(`${gov.refused}/svc/x`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('serves a thousand concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => get(gov.url(`svc-${i % 50}`))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(gov.hits('svc-0')).toBe(20);
  });

  it('stop() closes connections that are still hanging', async () => {
    const other = await startFakeGov({ tls: false });
    other.set('hung', hang());
    const pending = get(other.url('hung')).catch((error: NodeJS.ErrnoException) => error.code);
    await other.firstHit('hung');
    await other.stop();
    expect(await pending).toBe('ECONNRESET');
  });
});

describe('the remote control (for a fake in another process)', () => {
  const send = (path: string, method: string, body?: string) =>
    fetch(`${gov.http}${path}`, { method, body, headers: { 'content-type': 'application/json' } });

  it('switches a behaviour, including a flapping pattern, and reads hit counts', async () => {
    const put = await send(
      '/_fake/behaviours/remote',
      'PUT',
      JSON.stringify({ kind: 'flap', pattern: [{ kind: 'status', code: 503 }, { kind: 'up' }] }),
    );
    expect(put.status).toBe(200);
    expect((await get(gov.url('remote'))).status).toBe(503);
    expect((await get(gov.url('remote'))).status).toBe(200);
    expect(await (await send('/_fake/hits/remote', 'GET')).json()).toEqual({ hits: 2 });
  });

  it('refuses a behaviour it does not know, saying why', async () => {
    const bad = await send('/_fake/behaviours/remote', 'PUT', JSON.stringify({ kind: 'status', code: 9000 }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('code');
    expect((await send('/_fake/behaviours/remote', 'PUT', 'not json')).status).toBe(400);
    expect((await send('/_fake/nothing', 'POST')).status).toBe(404);
  });
});

describe('serve.ts (the fake as its own process)', () => {
  it('prints its addresses, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['test/fake-gov/serve.ts', '--no-tls'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    while (!out.includes('\n')) out += (await once(child.stdout, 'data'))[0] as string;
    const addresses = JSON.parse(out) as { http: string; refused: string };
    expect((await get(`${addresses.http}/svc/served`)).body).toContain(FAKE_KEYWORD);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
