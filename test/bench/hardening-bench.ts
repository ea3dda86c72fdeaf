import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, setPriority } from 'node:os';
import { gzipSync } from 'node:zlib';
import { createLogin } from '../../src/admin/login.ts';
import { hashPassword } from '../../src/admin/password.ts';
import { createSessions } from '../../src/admin/session.ts';
import { createThrottle } from '../../src/admin/throttle.ts';
import { trimTrailingSlashes } from '../../src/domain/trim-slashes.ts';
import { detectChallenge } from '../../src/probe/check/detect-challenge.ts';
import { startAdminSite } from '../admin/support/admin-site.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { cpuTicksOf } from './cpu-ticks.ts';

/**
 * `npm run bench:hardening` — not a test: prints each attack of issue 9 next to its baseline in the
 * same run. The baselines are the old code's patterns and behaviour, kept here only to measure.
 */
const ms = (started: number) => `${Math.round(performance.now() - started)} ms`;
/** Best of five, so JIT warm-up does not count. */
const time = <T>(fn: () => T): string => {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return `${best.toFixed(best < 10 ? 2 : 0)} ms`;
};

function slashes(): void {
  // Slashes then one other character: the pattern retries from every slash.
  const path = `/fr${'/'.repeat(16 * 1024)}x`;
  console.log(
    `16 KB path of slashes, trailing-slash trim: old /\\/+$/ ${time(() => path.replace(/\/+$/, ''))}, now ${time(() => trimTrailingSlashes(path))}`,
  );
}

function challenge(): void {
  const body = `<title>x</title>${'awswaf.com/'.repeat(100_000)}`.slice(0, 1024 * 1024);
  const gzipped = gzipSync(body).length;
  const oldAws = /awswaf\.com\/.*challenge|AwsWafIntegration/;
  const oldAkamai = /errors\.edgesuite\.net|<title>\s*Access Denied\s*<\/title>[\s\S]*Reference #/i;
  const small = body.slice(0, 64 * 1024);
  const akamai = '<title>Access Denied</title>'.repeat((64 * 1024) / 28);
  console.log(
    `challenge detection, AWS WAF pattern on 64 KiB: old ${time(() => oldAws.test(small))}, now ${time(() => detectChallenge({ status: 200, headers: new Headers(), body: small }))}`,
  );
  console.log(
    `challenge detection, Akamai pattern on 64 KiB: old ${time(() => oldAkamai.test(akamai))}, now ${time(() => detectChallenge({ status: 200, headers: new Headers(), body: akamai }))}`,
  );
  console.log(
    `challenge detection on the 1 MiB body (${gzipped} bytes gzipped): now ${time(() => detectChallenge({ status: 200, headers: new Headers(), body }))} (old: quadratic, not run)`,
  );
}

async function site(): Promise<void> {
  const admin = await startAdminSite();
  try {
    const rss = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${admin.site.process.pid}/status`, 'utf8'))?.[1]) / 1024);
    await fetch(`${admin.site.url}/fr/`).then((r) => r.arrayBuffer());
    let started = performance.now();
    await fetch(`${admin.site.url}/fr/`).then((r) => r.arrayBuffer());
    const cached = ms(started);
    started = performance.now();
    const slash = await fetch(`${admin.site.url}/fr${'/'.repeat(12 * 1024)}?q=${Math.random()}`);
    await slash.arrayBuffer();
    console.log(
      `site: cached /fr/ ${cached}; 12 KB slash path answered ${slash.status} in ${ms(started)} (16 KB is past the header limit: 431)`,
    );
    const before = rss();
    started = performance.now();
    const big = await fetch(`${admin.site.url}/admin/login`, {
      method: 'POST',
      headers: { origin: admin.site.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(300 * 1024 * 1024, 'a'),
    }).catch((error: unknown) => ({ status: `connection closed (${(error as Error).message})`, arrayBuffer: async () => null }));
    await big.arrayBuffer();
    console.log(`site: 300 MB sign-in post answered ${big.status} in ${ms(started)}; site RSS ${before} MB → ${rss()} MB`);
  } finally {
    await admin.stop();
  }
}

async function hungUpClients(): Promise<void> {
  for (const hangUp of [false, true]) {
    const { store, dispose } = await tempStore();
    const clock = () => new Date();
    const login = createLogin({
      store,
      clock,
      throttle: createThrottle({ store, clock }),
      sessions: createSessions({ store, clock }),
      requireTotp: false,
    });
    await store.createStaff({
      email: 'agent@example.gouv.fr',
      passwordHash: await hashPassword('lapin vert mange trois carottes'),
      at: clock(),
    });
    const gone = new AbortController();
    const flood = Array.from({ length: 8 }, (_, i) =>
      login({ email: `x${i}@example.org`, password: 'wrong password abcdefgh', code: '', ip: `198.18.0.${i}`, signal: gone.signal }),
    );
    if (hangUp) gone.abort();
    const started = performance.now();
    const result = await login({
      email: 'agent@example.gouv.fr',
      password: 'lapin vert mange trois carottes',
      code: '',
      ip: '203.0.113.1',
    });
    console.log(
      `sign-in behind 8 queued requests whose clients ${hangUp ? 'hung up (now: dropped)' : 'wait (as every hung-up client was before)'}: ${result.ok ? 'ok' : 'failed'} in ${ms(started)}`,
    );
    await Promise.all(flood);
    await dispose();
  }
}

const SECONDS = 4;

function child(file: string, args: string[]) {
  return spawn(process.execPath, [new URL(file, import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

interface Attack {
  body: 'review' | 'capped';
  pace: 'flood' | 'review-rate';
  /** At nice 19 the attacker's CPU yields to the server and the client, as if it ran on another machine. */
  niced?: boolean;
}

const ATTACKS: [string, Attack][] = [
  ["review body at the review's rate (0.5 MB/s)", { body: 'review', pace: 'review-rate' }],
  ['review body, flood', { body: 'review', pace: 'flood' }],
  ['review body, flood from an attacker at nice 19', { body: 'review', pace: 'flood', niced: true }],
  ['a& filling the sign-in cap, flood', { body: 'capped', pace: 'flood' }],
];

/**
 * Requests per second one client gets from `base`'s cached page while the attacker process posts;
 * with the attacker's posts a second and the CPU shares (of one core) of the server and of the
 * measuring client itself over the same window: a client starved of CPU by the attacker's process
 * is the machine's limit, not the server's.
 */
async function underFlood(base: string, serverPid: number, attack: Attack | null): Promise<{ rps: number; text: string }> {
  const attacker = attack ? child('./form-attacker.ts', [base, attack.body, attack.pace]) : null;
  let posts = 0;
  attacker?.stdout.on('data', (chunk: Buffer) => (posts = Number(chunk.toString().trim().split('\n').pop())));
  if (attacker?.pid && attack?.niced) setPriority(attacker.pid, 19);
  try {
    // The attacker's first posts are on their way before anything is measured.
    await new Promise((r) => setTimeout(r, attack ? 500 : 0));
    const postsBefore = posts;
    const ticksBefore = cpuTicksOf(serverPid);
    const clientBefore = process.cpuUsage();
    const ended = performance.now() + SECONDS * 1000;
    const latencies: number[] = [];
    // A keep-alive connection the server closes as a stalled request is sent is a failed request, not the end of the bench.
    let failed = 0;
    while (performance.now() < ended) {
      const started = performance.now();
      const ok = await fetch(`${base}/fr/`)
        .then((r) => r.arrayBuffer())
        .then(
          () => true,
          () => false,
        );
      if (ok) latencies.push(performance.now() - started);
      else failed += 1;
    }
    const serverCpu = (cpuTicksOf(serverPid) - ticksBefore) / SECONDS;
    const client = process.cpuUsage(clientBefore);
    const clientCpu = (client.user + client.system) / 10_000 / SECONDS;
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const rps = latencies.length / SECONDS;
    const attackText = `${attack ? `, ${((posts - postsBefore) / SECONDS).toFixed(0)} posts/s` : ''}${failed ? `, ${failed} failed` : ''}`;
    return {
      rps,
      text: `${Math.round(rps)} req/s (p50 ${p50.toFixed(1)} ms${attackText}, server CPU ${serverCpu.toFixed(0)} %, client CPU ${clientCpu.toFixed(0)} %)`,
    };
  } finally {
    attacker?.kill();
  }
}

/** The page alone, then under each attack, with the share of its throughput it keeps. */
async function floodRows(label: string, base: string, serverPid: number): Promise<void> {
  const alone = await underFlood(base, serverPid, null);
  console.log(`  ${label}: alone ${alone.text}`);
  for (const [name, attack] of ATTACKS) {
    const under = await underFlood(base, serverPid, attack);
    console.log(`    ${name}: ${under.text}, ${((under.rps / alone.rps) * 100).toFixed(0)} % of alone`);
  }
}

async function formServer(mode: 'old' | 'new'): Promise<{ url: string; pid: number; stop: () => void }> {
  const server = child('./form-server.ts', [mode]);
  const port = await new Promise<string>((resolve) => server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, pid: server.pid ?? 0, stop: () => server.kill() };
}

async function formFlood(): Promise<void> {
  console.log(
    `form flood: cached /fr/ for one client over ${SECONDS} s, while 2 connections post to the sign-in form in a loop (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}); on a 2-core machine a flooding attacker competes with the server and the client for the same cores`,
  );
  for (const mode of ['old', 'new'] as const) {
    const server = await formServer(mode);
    try {
      const label = mode === 'old' ? 'old parsing (formData, then count; 512 KiB cap)' : 'new parsing (route cap, raw count first)';
      await floodRows(`${label}, same tiny server`, server.url, server.pid);
    } finally {
      server.stop();
    }
  }
  const admin = await startAdminSite();
  try {
    await fetch(`${admin.site.url}/fr/`).then((r) => r.arrayBuffer());
    await floodRows('the built site now', admin.site.url, admin.site.process.pid ?? 0);
  } finally {
    await admin.stop();
  }
  console.log(
    `  (load at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
}

if (process.argv.includes('--forms')) await formFlood();
else {
  slashes();
  challenge();
  await hungUpClients();
  await site();
  await formFlood();
}
