import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuTicksOf } from './cpu-ticks.ts';
import { loopbackOrigin } from '../../src/snapshot/origin.ts';
import { publishSnapshot } from '../../src/snapshot/publish.ts';
import type { RunningNginx } from '../faults/support/nginx.ts';
import { recordServiceState, seedSite } from '../support/seed-site.ts';
import { benchReports } from './reports-bench.ts';

/**
 * `npm run bench:web` — not a test: prints figures.
 * Builds the site into its own folder, seeds 40 services with a year of hourly and daily rollups in
 * a real SQLite store, and loads three URLs with autocannon at 64 connections, next to a bare
 * node:http server (its own process too) sending the very same bytes and headers, and the static
 * copy of the site (published once from it) served by Debian's nginx with its generated
 * configuration (precompressed files, two workers for two cores). Requests say
 * `Accept-Encoding: br, gzip` like browsers. Then times uncached renders of the overview, each
 * after a state change the site must notice.
 * Figures are medians over BENCH_ROUNDS (default 3) alternating rounds of BENCH_SECONDS (default 5),
 * autocannon running in a process of its own; beside req/s, each server's CPU time per request.
 * Then `/fr/` on the copy and on the origin at 10,000 connections for 20 s (BENCH_CROWD=0 skips it).
 * Then the reports pages with five years of 500 services (`reports-bench.ts`; BENCH_REPORTS=0 skips them).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 64;
const HEADERS = { 'accept-encoding': 'br, gzip' };
const TARGETS = ['/fr/', '/fr/services/service-1', '/api/v2/summary.json'];

interface LoadResult {
  requests: { average: number; total: number };
  throughput?: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * autocannon in a process of its own, so the load generator never shares an event loop with the
 * bench; `cpuOf` is the server process whose CPU time per request is measured.
 */
async function load(
  url: string,
  options: { connections?: number; seconds?: number; cpuOf?: number } = {},
): Promise<LoadResult & { cpuMsPerRequest: number | null }> {
  const ticksBefore = options.cpuOf ? cpuTicksOf(options.cpuOf) : 0;
  const child = spawn(
    process.execPath,
    [
      AUTOCANNON,
      '--json',
      '-c',
      String(options.connections ?? CONNECTIONS),
      '-d',
      String(options.seconds ?? SECONDS),
      ...Object.entries(HEADERS).flatMap(([name, value]) => ['-H', `${name}=${value}`]),
      url,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d));
  await new Promise((r) => child.once('exit', r));
  const result = JSON.parse(output) as LoadResult;
  const ticks = options.cpuOf ? cpuTicksOf(options.cpuOf) - ticksBefore : 0;
  return { ...result, cpuMsPerRequest: options.cpuOf && result.requests.total > 0 ? (ticks * 10) / result.requests.total : null };
}

function get(
  url: string,
  headers: Record<string, string> = HEADERS,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
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
async function startBare(
  dir: string,
  recorded: Map<string, { headers: Record<string, string>; body: Buffer }>,
): Promise<{ url: string; child: ChildProcess }> {
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

/** Headers of one connection or added by node:http itself: the bare server gets them the same way. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

async function main(): Promise<void> {
  process.env.VIGIE_TEST_BUILD_DIR ??= `${root}node_modules/.cache/vigie-bench-build`;
  // Imported after the build folder is chosen: these modules read it when they load.
  const { startSite, testBuildDir } = await import('../support/site-server.ts');
  const { nginxAvailable, startNginx } = await import('../faults/support/nginx.ts');

  console.log('Seeding 40 services with 365 days of hourly and daily rollups…');
  const seeded = await seedSite({ services: 40, days: 365, now: new Date() });
  console.log('Building and starting the site…');
  const site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
  let bare: { url: string; child: ChildProcess } | null = null;
  let nginx: RunningNginx | null = null;
  try {
    const recorded = new Map<string, { headers: Record<string, string>; body: Buffer }>();
    for (const path of TARGETS) {
      const r = await get(`${site.url}${path}`);
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      const headers = Object.fromEntries(Object.entries(r.headers).filter(([h]) => !CONNECTION_HEADERS.has(h)));
      recorded.set(path, { headers, body: r.body });
    }
    bare = await startBare(seeded.dir, recorded);
    if (nginxAvailable()) {
      chmodSync(seeded.dir, 0o755);
      const copy = await publishSnapshot({
        dir: join(seeded.dir, 'copy'),
        fetchPath: loopbackOrigin(site.url),
        clientDir: `${testBuildDir}/client`,
        serviceIds: seeded.serviceIds,
        publicUrl: 'https://vigie.example.fr',
      });
      console.log(`Static copy published in ${copy.ms} ms (${copy.files} addresses); serving it with nginx…`);
      nginx = await startNginx(seeded.dir, join(seeded.dir, 'copy', 'current'), 'https://vigie.example.fr', 2);
    } else {
      console.log('nginx is not installed (apt-get install nginx libnginx-mod-http-brotli-static): the static copy is left out.');
    }

    const rows: string[][] = [];
    for (const path of TARGETS) {
      await load(`${site.url}${path}`).catch(() => null);
      type Measured = Awaited<ReturnType<typeof load>>;
      const vigie: Measured[] = [];
      const baseline: Measured[] = [];
      const copy: Measured[] = [];
      const sides: [string, Measured[], number | undefined][] = [
        [site.url, vigie, site.process.pid],
        [bare.url, baseline, bare.child.pid],
        ...(nginx ? ([[nginx.url, copy, undefined]] as [string, Measured[], undefined][]) : []),
      ];
      // Short rounds in turn, each starting with another side: a load spike from elsewhere on the machine hits all alike.
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < sides.length; i++) {
          const [url, results, pid] = sides[(round + i) % sides.length]!;
          results.push(await load(`${url}${path}`, { cpuOf: pid }));
        }
      }
      const rps = (list: LoadResult[]) => median(list.map((r) => r.requests.average));
      const p99 = (list: LoadResult[]) => median(list.map((r) => r.latency.p99));
      // CPU time per request of the server process: what a loaded machine does not inflate.
      const cpu = (list: Measured[]) => median(list.map((r) => r.cpuMsPerRequest ?? 0));
      rows.push([
        path,
        `${recorded.get(path)!.body.length} B ${recorded.get(path)!.headers['content-encoding'] ?? ''}`,
        rps(vigie).toFixed(0),
        `${p99(vigie)} ms`,
        rps(baseline).toFixed(0),
        `${p99(baseline)} ms`,
        `${((rps(vigie) / rps(baseline)) * 100).toFixed(0)} %`,
        `${((cpu(baseline) / cpu(vigie)) * 100).toFixed(0)} % (${(cpu(vigie) * 1000).toFixed(0)} / ${(cpu(baseline) * 1000).toFixed(0)} µs)`,
        copy.length ? rps(copy).toFixed(0) : '-',
        copy.length ? `${p99(copy)} ms` : '-',
        copy.length ? `${((rps(copy) / rps(vigie)) * 100).toFixed(0)} %` : '-',
        String([...vigie, ...copy].reduce((n, r) => n + r.non2xx + r.errors, 0)),
      ]);
    }
    printTable(
      [
        'path',
        'bytes sent',
        'Vigie req/s',
        'Vigie p99',
        'bare req/s',
        'bare p99',
        'Vigie / bare',
        'bare / Vigie CPU per request',
        'copy req/s',
        'copy p99',
        'copy / Vigie',
        'errors',
      ],
      rows,
    );

    if (nginx && process.env.BENCH_CROWD !== '0') {
      // A crowd at once: 10,000 connections for 20 s on the copy and on the origin (file limits: 20,000 here).
      const crowd: string[][] = [];
      for (const [name, url, pid] of [
        ['static copy (nginx, 2 workers)', nginx.url, undefined],
        ['origin (one web process)', site.url, site.process.pid],
      ] as const) {
        const r = await load(`${url}/fr/`, { connections: 10_000, seconds: 20, cpuOf: pid });
        crowd.push([name, r.requests.average.toFixed(0), `${r.latency.p50} ms`, `${r.latency.p99} ms`, String(r.non2xx + r.errors)]);
      }
      printTable(['/fr/ at 10,000 connections, 20 s', 'req/s', 'p50', 'p99', 'errors'], crowd);
    }

    // Each round changes one service's state, so the site sees a new data version and renders again.
    const renders: number[] = [];
    let cpuTicks = 0;
    for (let i = 0; i < 24; i++) {
      await recordServiceState(seeded.store, 'service-40', i % 2 === 0 ? 'degraded' : 'operational', new Date());
      // The site reads the data version once per second and may answer one more second from the last one.
      await new Promise((r) => setTimeout(r, 2100));
      const ticksBefore = cpuTicksOf(site.process.pid);
      const started = performance.now();
      const r = await get(`${site.url}/fr/`, {});
      const elapsed = performance.now() - started;
      if (r.headers['x-vigie-cache'] === 'miss' && i >= 4) {
        renders.push(elapsed);
        cpuTicks += cpuTicksOf(site.process.pid) - ticksBefore;
      }
    }
    renders.sort((a, b) => a - b);
    const at = (q: number) => renders[Math.min(renders.length - 1, Math.floor(q * renders.length))]!.toFixed(1);
    console.log(
      `\nUncached overview render (40 services, a year of rollups), request included, ${renders.length} renders: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`,
    );
    // Wall time includes waiting for a core on a busy machine; CPU time of the site process does not.
    console.log(
      `Site process CPU time per uncached overview render: ${((cpuTicks * 10) / renders.length).toFixed(1)} ms (user + system, 10 ms ticks averaged)`,
    );
    console.log(
      `Machine load average at the end: ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    bare?.child.kill();
    await nginx?.stop();
    await site.stop();
    await seeded.cleanup();
  }
  if (process.env.BENCH_REPORTS !== '0') await benchReports(startSite);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

await main();
