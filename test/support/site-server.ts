import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the Astro site for tests when its sources changed since the last test build (a directory
 * lock keeps parallel workers from building twice), and starts real server processes from it, each
 * with its own database and catalogue. The global setup builds before any test file starts, so no
 * test's own time limit pays for the build.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
export const testBuildDir = process.env.VIGIE_TEST_BUILD_DIR ?? `${root}node_modules/.cache/vigie-test-build`;
const lockDir = `${testBuildDir}.lock`;
const stamp = `${testBuildDir}/.built-at`;
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

function newestSourceMtime(): number {
  let newest = 0;
  for (const source of SOURCES) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((f) => join(path, String(f))) : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestSourceMtime();
}

/** The test build folder, built first if any source is newer than it. */
export async function ensureSiteBuilt(): Promise<string> {
  mkdirSync(join(lockDir, '..'), { recursive: true });
  for (;;) {
    if (isFresh()) return testBuildDir;
    try {
      mkdirSync(lockDir);
    } catch {
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (isFresh()) return testBuildDir;
      const startedAt = new Date();
      const result = spawnSync(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'build'], {
        cwd: root,
        env: { ...process.env, VIGIE_BUILD_DIR: testBuildDir },
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
      writeFileSync(stamp, startedAt.toISOString());
      // Dated from the build's start, so a source edited during the build makes the next run rebuild.
      utimesSync(stamp, startedAt, startedAt);
      return testBuildDir;
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}

/**
 * Ports the kernel picks itself (listening on port 0, and the local end of every outgoing
 * connection) come from net.ipv4.ip_local_port_range, 32768–60999 on Linux: a port found free
 * there and handed to a child process that binds it seconds later can meanwhile become the local
 * port of one of the suite's many outgoing connections (floods, browsers, checks), and the child
 * dies on EADDRINUSE. Ports handed to children come from below that range instead, a block of
 * its own for each vitest worker (VITEST_POOL_ID is unique among the workers running at once),
 * from a random place in the block so that a second run beside this one rarely meets it, and
 * only once a bind shows them free.
 */
const PORTS_FROM = 20_000;
const PORTS_PER_WORKER = 1_500;
const WORKER_BLOCKS = 8;
let nextPort = Math.floor(Math.random() * PORTS_PER_WORKER);

export async function freePort(): Promise<number> {
  const block = PORTS_FROM + (Number(process.env.VITEST_POOL_ID ?? 0) % WORKER_BLOCKS) * PORTS_PER_WORKER;
  for (let tried = 0; tried < PORTS_PER_WORKER; tried++) {
    const port = block + (nextPort++ % PORTS_PER_WORKER);
    if (await bindable(port)) return port;
  }
  throw new Error(`No free port from ${block} to ${block + PORTS_PER_WORKER - 1}`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface RunningSite {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Moves the site's clock forward (a site started with `clockControl`); resolves once it has. */
  advanceClock: (ms: number) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts the built site with the given settings (DATABASE_URL, VIGIE_SERVICES, …), on the test
 * run's clock, and resolves once it listens. `clockControl` lets the test move its clock forward.
 */
export async function startSite(
  env: Record<string, string>,
  options: { clockControl?: boolean; frozenClock?: boolean } = {},
): Promise<RunningSite> {
  const dir = await ensureSiteBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const shifted = process.env.VIGIE_TEST_CLOCK_OFFSET_MS !== undefined || options.clockControl === true;
  const clock = shifted ? ['--import', `${root}test/support/shifted-clock.ts`] : [];
  const control: Record<string, string> = options.clockControl
    ? { VIGIE_TEST_CLOCK_CONTROL: '1', ...(options.frozenClock ? { VIGIE_TEST_CLOCK_FROZEN: '1' } : {}) }
    : {};
  // The production web process: the server wrapper (cache hits before Astro) around the build.
  const child = spawn(process.execPath, [...clock, `${root}src/cli/web.ts`], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), VIGIE_PUBLIC_URL: url, ...env, ...control, VIGIE_BUILD_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.clockControl ? (['ipc'] as const) : [])],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (/listening on/.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`site exited early:\n${output}`)));
  });
  return {
    url,
    process: child,
    output: () => output,
    advanceClock: (ms) =>
      new Promise<void>((resolve, reject) => {
        if (!child.send) return reject(new Error('this site was started without clockControl'));
        child.once('message', () => resolve());
        child.send({ advanceClockMs: ms });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
