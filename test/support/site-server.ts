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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningSite {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the built site with the given settings (DATABASE_URL, VIGIE_SERVICES, …). */
export async function startSite(env: Record<string, string>): Promise<RunningSite> {
  const dir = await ensureSiteBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  // The production web process: the server wrapper (cache hits before Astro) around the build.
  const clock = process.env.VIGIE_TEST_CLOCK_OFFSET_MS === undefined ? [] : ['--import', `${root}test/support/shifted-clock.ts`];
  const child = spawn(process.execPath, [...clock, `${root}src/web/serve.ts`], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), VIGIE_PUBLIC_URL: url, ...env, VIGIE_BUILD_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`site exited early:\n${output}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`site did not start:\n${output}`);
      await sleep(100);
    }
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
