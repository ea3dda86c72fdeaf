import { execFileSync, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { SENDER_NODE_FLAGS } from '../../src/notify/sender-node-flags.ts';
import { openStore } from '../../src/store/open-store.ts';
import { massOutage, SERVICE_IDS } from '../notify/support/subscribers.ts';
import { senderKills } from './sender-kills.ts';
import { freePort } from '../support/site-server.ts';

/**
 * `npm run bench:notify` — not a test: prints figures.
 * 100,000 subscribers (every service), a mass outage of 16 services, the sender as its own process
 * (with its Node flags, as `npm start` runs it) delivering through a local SMTP sink in this
 * process. Meanwhile a real probe checks 500 services every 10 s against the fake government on the
 * same SQLite file; its check rate and scheduler lag are measured first alone (baseline, same run),
 * then while the wave is sent. The same wave is then sent, on a store of its own, by the sender as
 * it was before issue 24 (`BENCH_NOTIFY_BASELINE`, a commit; `none` skips it), taken from git.
 * Then the sender is killed at random instants of smaller waves (sender-kills.ts): what a crash
 * costs in messages sent twice.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const BASELINE_REF = process.env.BENCH_NOTIFY_BASELINE ?? 'b9e1a1e';
const PROBE_SERVICES = 500;
const BASELINE_S = 30;
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vigie-notify-bench-'));
const db = join(dir, 'vigie.db');

function child(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function startGov(): Promise<{ base: string; stop: () => void }> {
  const code = `import { startFakeGov } from ${JSON.stringify(`${root}test/fake-gov/index.ts`)};
    const gov = await startFakeGov({ tls: false }); console.log(gov.http);`;
  const gov = child(['--input-type=module', '-e', code]);
  const base = await new Promise<string>((resolve) => gov.stdout.once('data', (d) => resolve(String(d).trim())));
  return { base, stop: () => gov.kill('SIGTERM') };
}

async function probeFigures(port: number): Promise<{ checks: number; lagP99Ms: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const checks = [...text.matchAll(/^vigie_probe_checks_total\{[^}]*\} (\S+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  const lag = Number(/^vigie_probe_scheduler_lag_p99_seconds (\S+)$/m.exec(text)?.[1] ?? 0) * 1000;
  return { checks, lagP99Ms: lag };
}

function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── seed ────────────────────────────────────────────────────────────────────
/** Straight into the table in one transaction: seeding is not what is measured. */
function seed(path: string): void {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA busy_timeout = 10000; BEGIN');
  const insert = raw.prepare(
    'INSERT INTO subscribers (id, email, email_key, locale, all_services, consented_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
  );
  const now = Date.now();
  for (let i = 0; i < SUBSCRIBERS; i++) insert.run(`s${i}`, `s${i}@example.test`, `s${i}@example.test`, i % 2 ? 'en' : 'fr', now, now);
  raw.exec('COMMIT');
  raw.close();
}
const store = await openStore(db);
const seedStarted = performance.now();
seed(db);
console.log(`seeded ${SUBSCRIBERS.toLocaleString('en')} subscribers in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
console.log(`load before: ${execSync('uptime').toString().trim()}`);

let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;

const gov = await startGov();
writeFileSync(
  join(dir, 'probe-services.json'),
  JSON.stringify({
    categories: [{ id: 'bench', name: { fr: 'Banc', en: 'Bench' } }],
    defaults: { interval: 10, allowPrivateNetwork: true },
    canaries: [`${gov.base}/svc/canary`],
    services: Array.from({ length: PROBE_SERVICES }, (_, i) => ({
      id: `p${i}`,
      name: { fr: `p${i}`, en: `p${i}` },
      category: 'bench',
      url: `${gov.base}/svc/p${i}`,
    })),
  }),
);
writeFileSync(
  join(dir, 'sender-services.json'),
  JSON.stringify({
    categories: [{ id: 'bench', name: { fr: 'Banc', en: 'Bench' } }],
    services: SERVICE_IDS.map((id) => ({
      id,
      name: { fr: `${id}.gouv.fr`, en: `${id}.gouv.fr` },
      category: 'bench',
      url: `https://${id}.example.test/`,
    })),
  }),
);
const probePort = await freePort();
const probe = child([`${root}src/cli/probe.ts`], {
  DATABASE_URL: db,
  VIGIE_SERVICES: join(dir, 'probe-services.json'),
  PROBE_PORT: String(probePort),
  UV_THREADPOOL_SIZE: '16',
});
await sleep(15_000);

// ── baseline: the probe alone ───────────────────────────────────────────────
const b0 = await probeFigures(probePort);
await sleep(BASELINE_S * 1000);
const b1 = await probeFigures(probePort);
const baselineRate = (b1.checks - b0.checks) / BASELINE_S;

// ── the wave ────────────────────────────────────────────────────────────────
interface Wave {
  seconds: number;
  peakMb: number;
  cpuSeconds: number;
  sinkCpuSeconds: number;
  stop: () => void;
}

/** The wave told by the sender at `entry`, from the store at `path`: until the sink acknowledged every message. */
async function wave(entry: string, flags: readonly string[], path: string): Promise<Wave> {
  received = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const sender = child([...flags, entry], {
    DATABASE_URL: path,
    VIGIE_SERVICES: join(dir, 'sender-services.json'),
    VIGIE_SMTP_URL: smtpUrl,
    VIGIE_MAIL_FROM: 'Vigie <vigie@example.test>',
    VIGIE_SENDER_PORT: String(await freePort()),
    VIGIE_PUBLIC_URL: 'https://vigie.example.test',
  });
  while (received < SUBSCRIBERS) await sleep(200);
  const seconds = (performance.now() - started) / 1000;
  const stat = readFileSync(`/proc/${sender.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds,
    peakMb: peakRssMb(sender.pid!),
    cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100,
    sinkCpuSeconds: (cpu.user + cpu.system) / 1e6,
    stop: () => sender.kill('SIGTERM'),
  };
}

const show = (label: string, w: Wave) =>
  console.log(
    `  ${label}: all delivered to the SMTP sink in ${w.seconds.toFixed(1)} s (${Math.round(SUBSCRIBERS / w.seconds)} messages/s), ` +
      `sender peak RSS ${w.peakMb} MB, sender CPU ${w.cpuSeconds.toFixed(1)} s (${((w.cpuSeconds * 1e6) / SUBSCRIBERS).toFixed(0)} µs a message), ` +
      `sink CPU ${w.sinkCpuSeconds.toFixed(1)} s`,
  );

await massOutage(store);
const w0 = await probeFigures(probePort);
const current = await wave(`${root}src/cli/sender.ts`, SENDER_NODE_FLAGS, db);
const w1 = await probeFigures(probePort);
current.stop();
const waveRate = (w1.checks - w0.checks) / current.seconds;

console.log(`\n${SUBSCRIBERS.toLocaleString('en')} subscribers × ${SERVICE_IDS.length}-service wave, one message each`);
show('this sender', current);
console.log(`  probe (${PROBE_SERVICES} services every 10 s, same SQLite file):`);
console.log(
  `    baseline, probe alone (${BASELINE_S} s): ${baselineRate.toFixed(1)} checks/s, scheduler lag p99 ${b1.lagP99Ms.toFixed(0)} ms`,
);
console.log(
  `    during the wave (${current.seconds.toFixed(0)} s):  ${waveRate.toFixed(1)} checks/s, scheduler lag p99 ${w1.lagP99Ms.toFixed(0)} ms`,
);
console.log(`  load after: ${execSync('uptime').toString().trim()}`);

if (BASELINE_REF !== 'none') {
  // The sender as it was, from git, with this checkout's packages, on a store its own code made
  // (a newer schema would stop it) and the wave written by its own fixtures.
  const old = join(dir, 'baseline');
  mkdirSync(old);
  execSync(`git archive ${BASELINE_REF} src test package.json | tar -x -C ${old}`, { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(old, 'node_modules'));
  const oldDb = join(dir, 'baseline.db');
  const made = `const { openStore } = await import(${JSON.stringify(`${old}/src/store/open-store.ts`)});
    const { massOutage } = await import(${JSON.stringify(`${old}/test/notify/support/subscribers.ts`)});
    const store = await openStore(${JSON.stringify(oldDb)}); await massOutage(store); await store.close();`;
  execFileSync(process.execPath, ['--input-type=module', '-e', made], { cwd: old, stdio: 'inherit' });
  seed(oldDb);
  const before = await wave(join(old, 'src/cli/sender.ts'), [], oldDb);
  before.stop();
  show(`the sender at ${BASELINE_REF} (baseline, same run, the probe still running)`, before);
  console.log(`  load after: ${execSync('uptime').toString().trim()}`);
}

probe.kill('SIGTERM');
gov.stop();

// ── kill -9 at random instants ──────────────────────────────────────────────
const KILLS = 6;
console.log(`\nsender killed with SIGKILL at a random instant of a 2,000-subscriber wave, then replaced (${KILLS} times):`);
for (const line of await senderKills(KILLS, 2_000)) console.log(`  ${line}`);

// Not awaited: the sink would wait for the killed sender's pooled connections to time out.
sink.close();
await store.close();
await sleep(1000);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
