import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedSite } from '../web/seed-site.ts';

/**
 * `npm run bench:web` — not a test: prints figures.
 * Builds the site into its own folder, seeds 40 services with a year of hourly and daily rollups in
 * a real SQLite store, and loads three URLs with autocannon at 64 connections, next to a bare
 * node:http server (its own process too) sending the very same bytes and headers. Requests say
 * `Accept-Encoding: br, gzip` like browsers. Then times uncached renders of the overview.
 * BENCH_SECONDS (default 10) sets each load's duration.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const HEADERS = { 'accept-encoding': 'br, gzip' };
const TARGETS = ['/fr/', '/fr/services/service-1', '/api/v2/summary.json'];

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<LoadResult>;

function load(url: string): Promise<LoadResult> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: HEADERS });
}

function get(url: string, headers: Record<string, string> = HEADERS): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** A node:http server in its own process answering each path with recorded bytes and headers. */
async function startBare(dir: string, recorded: Map<string, { headers: Record<string, string>; body: Buffer }>): Promise<{ url: string; child: ChildProcess }> {
  const table = Object.fromEntries([...recorded].map(([path, r]) => [path, { headers: r.headers, body: r.body.toString('base64') }]));
  const file = join(dir, 'bare.json');
  writeFileSync(file, JSON.stringify(table));
  const code = `
    import { createServer } from 'node:http';
    import { readFileSync } from 'node:fs';
    const table = Object.fromEntries(Object.entries(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')))
      .map(([p, r]) => [p, { headers: r.headers, body: Buffer.from(r.body, 'base64') }]));
    createServer((req, res) => {
      const hit = table[req.url];
      if (!hit) { res.writeHead(404).end(); return; }
      res.writeHead(200, hit.headers);
      res.end(hit.body);
    }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

const KEPT_HEADERS = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary', 'content-length', 'x-content-type-options', 'access-control-allow-origin'];

async function main(): Promise<void> {
  process.env.VIGIE_TEST_BUILD_DIR ??= `${root}node_modules/.cache/vigie-bench-build`;
  process.env.VIGIE_TEST_RUN_ID = randomUUID();
  const { startSite } = await import('../support/site-server.ts');

  console.log('Seeding 40 services with 365 days of hourly and daily rollups…');
  const seeded = await seedSite({ services: 40, days: 365, now: new Date() });
  console.log('Building and starting the site…');
  const site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
  let bare: { url: string; child: ChildProcess } | null = null;
  try {
    const recorded = new Map<string, { headers: Record<string, string>; body: Buffer }>();
    for (const path of TARGETS) {
      const r = await get(`${site.url}${path}`);
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      const headers = Object.fromEntries(KEPT_HEADERS.filter((h) => r.headers[h]).map((h) => [h, r.headers[h]!]));
      recorded.set(path, { headers, body: r.body });
    }
    bare = await startBare(seeded.dir, recorded);

    const rows: string[][] = [];
    for (const path of TARGETS) {
      await load(`${site.url}${path}`).catch(() => null);
      const vigie = await load(`${site.url}${path}`);
      const baseline = await load(`${bare.url}${path}`);
      rows.push([
        path,
        `${recorded.get(path)!.body.length} B ${recorded.get(path)!.headers['content-encoding'] ?? ''}`,
        vigie.requests.average.toFixed(0),
        `${vigie.latency.p99} ms`,
        baseline.requests.average.toFixed(0),
        `${baseline.latency.p99} ms`,
        `${((vigie.requests.average / baseline.requests.average) * 100).toFixed(0)} %`,
        String(vigie.non2xx + vigie.errors),
      ]);
    }
    printTable(['path', 'bytes sent', 'Vigie req/s', 'Vigie p99', 'bare req/s', 'bare p99', 'Vigie / bare', 'errors'], rows);

    const renders: number[] = [];
    for (let i = 2; i < 32; i++) {
      const started = performance.now();
      const r = await get(`${site.url}/fr/?page=${i}`, {});
      const elapsed = performance.now() - started;
      if (r.headers['x-vigie-cache'] !== 'miss') throw new Error('expected an uncached render');
      if (i >= 7) renders.push(elapsed);
    }
    renders.sort((a, b) => a - b);
    const at = (q: number) => renders[Math.min(renders.length - 1, Math.floor(q * renders.length))]!.toFixed(1);
    console.log(`\nUncached overview render (40 services, a year of rollups), request included, ${renders.length} renders: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
    console.log(`Machine load average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    bare?.child.kill();
    await site.stop();
    await seeded.cleanup();
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

await main();
