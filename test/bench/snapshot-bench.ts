import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, setPriority } from 'node:os';
import { join } from 'node:path';
import { cpuTicksOf } from './cpu-ticks.ts';
import { run, until } from '../faults/support/processes.ts';
import { ensureSiteBuilt, startSite } from '../support/site-server.ts';
import { recordServiceState, seedSite } from '../support/seed-site.ts';

/**
 * `npm run bench:snapshot` — not a test: prints figures.
 * For each catalogue size (BENCH_SNAPSHOT_SIZES, default 40,500,2000): seeds the services in a real
 * SQLite store, starts the site and then the publisher process (as `npm start` does), and prints
 * the first (full) publication's time, the time from one service's state change to the copy
 * showing it (the publisher building on the copy before, three changes), and the p99 of cached
 * `/fr/` on the site (autocannon, 16 connections, BENCH_SECONDS each) without the publisher and
 * while it makes the full publication, with the machine's load average.
 */
const SIZES = (process.env.BENCH_SNAPSHOT_SIZES ?? '40,500,2000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PUBLIC_URL = 'https://vigie.example.fr';

interface LoadResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<LoadResult>;
const load = (url: string) => autocannon({ url, connections: 16, duration: SECONDS, headers: { 'accept-encoding': 'br, gzip' } });

function renice(pid: number, priority: number): void {
  for (const thread of readdirSync(`/proc/${pid}/task`)) setPriority(Number(thread), priority);
}

async function benchSize(size: number, buildDir: string): Promise<string[]> {
  const seeding = performance.now();
  const seeded = await seedSite({ services: size, days: 2, now: new Date() });
  console.log(`${size} services seeded in ${Math.round(performance.now() - seeding)} ms`);
  const dir = join(seeded.dir, 'copy');
  const env = { ...seeded.env, VIGIE_PUBLIC_URL: PUBLIC_URL, VIGIE_BUILD_DIR: buildDir, VIGIE_SNAPSHOT_DIR: dir };
  const site = await startSite(env);
  // The probe keeps beating, as it does in service: without it, every service turns unknown three
  // minutes in, halfway through a slow full publication, and the next one renders everything again.
  const beat = () =>
    seeded.store.recordHeartbeat({ location: 'local', process: 'probe-1', at: new Date(), canariesHealthy: true, version: 'test' });
  const beating = setInterval(() => void beat(), 30_000);
  let publisher: ReturnType<typeof run> | null = null;
  try {
    await load(`${site.url}/fr/`);
    const alone = await load(`${site.url}/fr/`);
    publisher = run('src/cli/publisher.ts', env);
    const during = await load(`${site.url}/fr/`);
    // The publisher runs at nice 10, under the site; on a machine shared with other work that makes
    // its wall time the other tenants' share: past the p99 window it gets an ordinary share, and
    // its own CPU time is printed beside the wall time. Every thread: a Linux nice value is a thread's.
    renice(publisher.child.pid!, 0);
    const published = /static copy published in .* \((\d+) addresses, (\d+) rendered, (\d+) ms\)/;
    await until(
      () => published.test(publisher!.output()),
      1_800_000,
      () => publisher!.output(),
    );
    const cpuSeconds = cpuTicksOf(publisher.child.pid) / 100;
    renice(publisher.child.pid!, 10);
    const [, addresses, , fullMs] = published.exec(publisher.output())!;
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const service = 'service-1';
      const page = join(dir, 'current', 'fr', 'services', `${service}.html`);
      const state = i % 2 === 0 ? 'down' : 'operational';
      const before = existsSync(page) ? readFileSync(page, 'utf8') : '';
      const changed = performance.now();
      await recordServiceState(seeded.store, service, state, new Date());
      // Past two minutes the figure is "more than that": the next sizes still run.
      const reached = await until(
        () =>
          existsSync(page) && readFileSync(page, 'utf8') !== before && /is-down/.test(readFileSync(page, 'utf8')) === (state === 'down'),
        120_000,
      ).then(
        () => true,
        () => false,
      );
      latencies.push(reached ? performance.now() - changed : Number.POSITIVE_INFINITY);
    }
    latencies.sort((a, b) => a - b);
    return [
      String(size),
      `${(Number(fullMs) / 1000).toFixed(1)} s, ${cpuSeconds.toFixed(1)} s CPU (${addresses})`,
      latencies
        .slice(1)
        .map((ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '> 120 s'))
        .join(' / '),
      `${alone.latency.p99} ms`,
      `${during.latency.p99} ms`,
      `${((during.latency.p99 / alone.latency.p99) * 100).toFixed(0)} %`,
      `${alone.requests.average.toFixed(0)} / ${during.requests.average.toFixed(0)}`,
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    ];
  } finally {
    clearInterval(beating);
    if (publisher && publisher.child.exitCode === null) {
      publisher.child.kill('SIGTERM');
      await publisher.exited;
    }
    await site.stop();
    await seeded.cleanup();
  }
}

async function main(): Promise<void> {
  const buildDir = await ensureSiteBuilt();
  const rows: string[][] = [];
  for (const size of SIZES) {
    rows.push(await benchSize(size, buildDir));
    console.log(rows.at(-1)!.join('  '));
  }
  const header = [
    'services',
    'full publication: wall, publisher CPU (addresses)',
    'change → copy (median / max of 3)',
    '/fr/ p99 alone',
    '/fr/ p99 during full',
    'during / alone',
    'req/s alone / during',
    'load average',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

await main();
