import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import type { ServiceConfig } from '../../src/config/services-schema.ts';
import { createChecker } from '../../src/probe/check/create-checker.ts';
import { percentile } from '../../src/probe/lag-window.ts';
import { createRunner } from '../../src/probe/runner.ts';
import { createSwallowedErrors } from '../../src/probe/swallowed-errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { probeHeapLimitMb } from '../../src/probe/heap-budget.ts';
import { backlogPhase } from './backlog-phase.ts';
import { type BenchKind, kindServices, startDnsProcess } from './check-kind-services.ts';
import { BENCH_POSTGRES_URL, LOCATION_CONFIGS, pgProbePhase, pgWritePhase, withSchema } from './postgres-phases.ts';

/**
 * `npm run bench:probe` — not a test: prints figures.
 * The whole probe (scheduler, real checker, evaluator, rollups, one SQLite transaction per check)
 * runs thousands of services at a real 60 s interval against the fake government, which runs in a
 * child process so it does not eat the probe's event loop. Every service has its own host name
 * (resolved to loopback by an injected lookup), so the per-host cap applies as in production.
 * Baseline, same run: bare `fetch` calls at the same rate and concurrency cap.
 * Phases: BENCH_PHASES="baseline:5000:90,probe:5000:150:--max-old-space-size=160" (kind:services:seconds[:node flags]).
 * `probe` writes with group commit as `npm run probe` does; `probe1` writes one transaction per
 * result, as the probe did before, for comparison in the same run.
 * PostgreSQL (postgres-phases.ts): `pgwrite:0:60` write throughput, one transaction per result next
 * to group commit from 3 locations; `pgprobe:5000:120` three probe processes at three locations.
 * `dns:5000:90` and `tcp:5000:90` run the same probe with DNS checks (an authoritative server in a
 * child process) and TCP connections to the fake government's port, for CPU per check by kind.
 * Backlog after a store outage (backlog-phase.ts): `backlog:10000` on SQLite, `pgbacklog:10000` on
 * PostgreSQL, next to the way it was written before.
 */
const INTERVAL_S = 60;
const CONCURRENCY = 200;
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Figures {
  label: string;
  seconds: number;
  done: number;
  lags: number[];
  cpuMs: number;
  peakRssMb: number;
  /** RSS and V8 heap right after a full GC near the end of the phase: what the work really keeps. */
  settled?: { rssMb: number; heapMb: number };
  outcomes: Map<string, number>;
  note?: string;
}

async function startGovProcess(): Promise<{ base: string; stop: () => void }> {
  const code = `import { startFakeGov } from ${JSON.stringify(`${root}test/fake-gov/index.ts`)};
    const gov = await startFakeGov({ tls: false }); console.log(gov.http);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  return { base, stop: () => child.kill('SIGTERM') };
}

const loopback = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
  options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)) as unknown as LookupFunction;

function services(count: number, port: string): ServiceConfig[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `svc-${i}`,
    name: { fr: `Service ${i}`, en: `Service ${i}` },
    description: null,
    aliases: [],
    category: 'bench',
    url: `http://svc-${i}.bench.test:${port}/svc/svc-${i}`,
    interval: INTERVAL_S,
    timeout: 10,
    expectStatus: '200-399',
    keyword: null,
    slowMs: 3000,
    allowPrivateNetwork: true,
    detection: { failuresBeforeDown: 3, successesBeforeUp: 2 },
    hours: null,
  }));
}

function settledMemory(): { rssMb: number; heapMb: number } | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
}

/** Samples RSS while `work` runs, and CPU time over it. */
async function measure(label: string, seconds: number, work: (figures: Figures) => Promise<void>): Promise<Figures> {
  (globalThis as { gc?: () => void }).gc?.();
  const figures: Figures = { label, seconds, done: 0, lags: [], cpuMs: 0, peakRssMb: 0, outcomes: new Map() };
  const sampler = setInterval(() => (figures.peakRssMb = Math.max(figures.peakRssMb, process.memoryUsage.rss() / 2 ** 20)), 250);
  const cpu = process.cpuUsage();
  await work(figures);
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  figures.cpuMs = (used.user + used.system) / 1000;
  return figures;
}

/** The probe as `npm run probe` runs it (group commit on); on PostgreSQL when `pg` names a schema. */
async function probePhase(
  count: number,
  seconds: number,
  port: string,
  options: { pg?: { schema: string; location: string } | undefined; batched: boolean; kind?: { kind: BenchKind; resolver: string } },
): Promise<Figures> {
  const { pg, kind } = options;
  const label = pg ? `pg ${pg.location} ${count}` : kind ? `${kind.kind} ${count}` : `${options.batched ? 'probe' : 'probe1'} ${count}`;
  const catalogueServices = kind
    ? kindServices(services(count, port), kind.kind, { port: Number(port), resolver: kind.resolver })
    : services(count, port);
  return measure(label, seconds, async (figures) => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
    const store = pg ? await openStore(BENCH_POSTGRES_URL, { schema: pg.schema }) : await openStore(join(dir, 'bench.db'));
    const checker = createChecker({ userAgent: 'Vigie-probe/bench (+http://127.0.0.1)', lookup: loopback });
    const counted: typeof checker = async (service, context) => {
      const result = await checker(service, context);
      figures.done += 1;
      figures.outcomes.set(result.outcome, (figures.outcomes.get(result.outcome) ?? 0) + 1);
      return result;
    };
    const errors = createSwallowedErrors();
    const runner = createRunner({
      catalogue: {
        categories: [{ id: 'bench', name: { fr: 'Banc', en: 'Bench' } }],
        services: catalogueServices,
        canaries: [],
        // Three probes at listed locations: the quorum, each other's trackings, a third of the time each.
        locations: pg ? LOCATION_CONFIGS : [],
      },
      store,
      checker: counted,
      location: pg?.location ?? 'bench',
      processId: `bench:${process.pid}:bench`,
      version: 'bench',
      userAgent: 'Vigie-probe/bench (+https://status.example)',
      ...(options.batched ? { batch: { windowMs: 250, maxSize: 200 } } : {}),
      concurrency: CONCURRENCY,
      perHost: 2,
      retentionDays: 30,
      errors,
      onLag: (lag) => figures.lags.push(lag),
    });
    await runner.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    figures.settled = settledMemory();
    await runner.stop(5_000);
    await store.close();
    const swallowed = Object.values(errors.counts()).reduce((a, b) => a + b, 0);
    figures.note = `swallowed errors ${swallowed}, skipped slots ${runner.status().scheduler.skippedSlots}`;
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The same rate and concurrency cap, with nothing but `fetch` (undici's keep-alive pool). */
async function baselinePhase(count: number, seconds: number, base: string): Promise<Figures> {
  return measure(`fetch ${count}`, seconds, async (figures) => {
    const limit = pLimit(CONCURRENCY);
    const timers: NodeJS.Timeout[] = [];
    const start = performance.now();
    const fire = (i: number, dueAt: number) => {
      void limit(async () => {
        figures.lags.push(Math.max(0, performance.now() - dueAt));
        const res = await fetch(`${base}/svc/svc-${i}`).catch(() => null);
        await res?.arrayBuffer();
        figures.done += 1;
        const outcome = res?.ok ? 'ok' : 'error';
        figures.outcomes.set(outcome, (figures.outcomes.get(outcome) ?? 0) + 1);
      });
      const next = dueAt + INTERVAL_S * 1000;
      timers[i] = setTimeout(() => fire(i, next), next - performance.now());
    };
    for (let i = 0; i < count; i += 1) {
      const dueAt = start + (i / count) * INTERVAL_S * 1000;
      timers[i] = setTimeout(() => fire(i, dueAt), dueAt - start);
    }
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    figures.settled = settledMemory();
    for (const t of timers) clearTimeout(t);
    while (limit.activeCount + limit.pendingCount > 0) await new Promise((r) => setTimeout(r, 50));
  });
}

function report(f: Figures, services: number): string {
  const sorted = Float64Array.from(f.lags).sort();
  const target = services / INTERVAL_S;
  const achieved = f.done / f.seconds;
  const outcomes = [...f.outcomes].map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `${f.label.padEnd(12)} target ${target.toFixed(1)}/s  achieved ${achieved.toFixed(1)}/s (${((achieved / target) * 100).toFixed(0)}%)`,
    `lag p50 ${percentile(sorted, 0.5).toFixed(1)} ms  p99 ${percentile(sorted, 0.99).toFixed(1)} ms  max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
    `CPU ${(f.cpuMs / 1000).toFixed(1)} s over ${f.seconds} s (${((f.cpuMs / (f.seconds * 1000)) * 100).toFixed(0)}% of one core), ${(f.cpuMs / Math.max(1, f.done)).toFixed(2)} ms per check`,
    `peak RSS ${f.peakRssMb.toFixed(0)} MB` +
      (f.settled ? `; after a full GC at the end: RSS ${f.settled.rssMb.toFixed(0)} MB, V8 heap ${f.settled.heapMb.toFixed(0)} MB` : ''),
    `outcomes: ${outcomes}${f.note ? `; ${f.note}` : ''}`,
  ].join('\n  ');
}

interface Phase {
  kind: string;
  count: number;
  seconds: number;
}

function parsePhase(spec: string): Phase {
  const [kind = 'probe', count = '5000', seconds = '90'] = spec.split(':');
  return { kind, count: Number(count), seconds: Number(seconds) };
}

async function runPhase(phase: Phase, base: string): Promise<string> {
  if (phase.kind === 'backlog') {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-backlog-'));
    try {
      return await backlogPhase(phase.count, 'sqlite', () => openStore(join(dir, 'bench.db')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (phase.kind === 'pgbacklog')
    return withSchema((schema) => backlogPhase(phase.count, 'postgres', () => openStore(BENCH_POSTGRES_URL, { schema })));
  if (phase.kind === 'pgwrite') return pgWritePhase(phase.seconds, (schema) => openStore(BENCH_POSTGRES_URL, { schema }));
  if (phase.kind === 'pgprobe') {
    // One fake government per location, as three vantage points reach three networks' worth of servers.
    const govs = [await startGovProcess(), await startGovProcess()];
    try {
      const bases = [base, ...govs.map((g) => g.base)];
      return await pgProbePhase(phase, (spec, env, i) => runPhaseInChild(spec, bases[i] ?? base, env));
    } finally {
      for (const g of govs) g.stop();
    }
  }
  const port = new URL(base).port;
  const pg =
    process.env.BENCH_PG_SCHEMA && process.env.BENCH_LOCATION
      ? { schema: process.env.BENCH_PG_SCHEMA, location: process.env.BENCH_LOCATION }
      : undefined;
  if (phase.kind === 'dns' || phase.kind === 'tcp') {
    const dns = phase.kind === 'dns' ? await startDnsProcess() : null;
    try {
      const kind = { kind: phase.kind, resolver: dns?.address ?? '' } as const;
      return report(await probePhase(phase.count, phase.seconds, port, { pg, batched: true, kind }), phase.count);
    } finally {
      dns?.stop();
    }
  }
  const figures =
    phase.kind === 'baseline'
      ? await baselinePhase(phase.count, phase.seconds, base)
      : await probePhase(phase.count, phase.seconds, port, { pg, batched: phase.kind !== 'probe1' });
  return report(figures, phase.count);
}

/** Each phase in its own process, so memory and CPU figures are that phase's alone. */
async function runPhaseInChild(spec: string, base: string, env: Record<string, string> = {}): Promise<string> {
  const flags = spec.split(':')[3]?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, ['--expose-gc', ...flags, fileURLToPath(import.meta.url)], {
    env: { ...process.env, ...env, BENCH_ONLY: spec, BENCH_GOV: base },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((resolve) => child.once('exit', resolve));
  return flags.length > 0 ? `${out.trim()}\n  node flags: ${flags.join(' ')}` : out.trim();
}

if (process.env.BENCH_ONLY && process.env.BENCH_GOV) {
  console.log(await runPhase(parsePhase(process.env.BENCH_ONLY), process.env.BENCH_GOV));
  process.exit(0);
}

// `npm start` caps the probe's heap by catalogue size (V8 otherwise grows it freely); measure both.
const cap = (services: number) => `--max-old-space-size=${probeHeapLimitMb(services)}`;
const specs = (
  process.env.BENCH_PHASES ??
  `baseline:5000:90,probe1:5000:150,probe:5000:150,probe:5000:150:${cap(5000)},probe:10000:90:${cap(10_000)},probe:20000:90:${cap(20_000)},dns:5000:90,tcp:5000:90,pgwrite:0:60,pgprobe:5000:150,backlog:10000:0,pgbacklog:10000:0`
).split(',');
const gov = await startGovProcess();
console.log(
  `Vigie probe benchmark — interval ${INTERVAL_S} s, concurrency ${CONCURRENCY}, per host 2, fake government at ${gov.base} (child process)`,
);
console.log(
  'Each phase runs in its own process. Achieved rate counts completed checks over the whole phase, first (spread-out) interval included.\n',
);
try {
  for (const spec of specs) console.log(`${await runPhaseInChild(spec, gov.base)}\n`);
} finally {
  gov.stop();
}
