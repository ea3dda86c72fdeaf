import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHeapLimitMb } from '../../src/probe/heap-budget.ts';
import { SENDER_NODE_FLAGS } from '../../src/notify/sender-node-flags.ts';
import { ensureSiteBuilt, freePort } from '../support/site-server.ts';

/** `npm start` as run for real: the processes it launches, read from /proc once the site listens. */
const root = new URL('../../', import.meta.url).pathname;
const SERVICES = 10_000;
let dir = '';
let start: ChildProcess;

function childrenOf(pid: number): { pid: number; argv: string[]; env: string[] }[] {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of stat is the parent; the command name before it may hold spaces, hence the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      const split = (file: string) => readFileSync(`/proc/${entry}/${file}`, 'utf8').split('\0').filter(Boolean);
      children.push({ pid: Number(entry), argv: split('cmdline'), env: split('environ') });
    } catch {
      // A process that ended while the folder was read.
    }
  }
  return children;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-start-'));
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    id: `service-${i}`,
    name: { fr: `Service ${i}`, en: `Service ${i}` },
    category: 'tests',
    url: `https://service-${i}.invalid/`,
    interval: 86_400,
  }));
  await writeFile(
    join(dir, 'services.json'),
    JSON.stringify({ categories: [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }], services }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VIGIE_BUILD_DIR: await ensureSiteBuilt(),
    VIGIE_SERVICES: join(dir, 'services.json'),
    DATABASE_URL: join(dir, 'vigie.db'),
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    PROBE_PORT: String(await freePort()),
    VIGIE_SENDER_PORT: String(await freePort()),
  };
  delete env.VIGIE_SMTP_URL;
  delete env.VIGIE_MAIL_FROM;
  delete env.UV_THREADPOOL_SIZE;
  start = spawn(process.execPath, [`${root}src/cli/start.ts`], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      // The probe is launched first; the site's line means both processes exist.
      if (output.includes('listening on')) resolve();
    };
    start.stdout?.on('data', onData);
    start.stderr?.on('data', onData);
    start.once('exit', () => reject(new Error(`npm start stopped early:\n${output}`)));
  });
});

afterAll(async () => {
  if (start && start.exitCode === null) {
    const exited = new Promise((r) => start.once('exit', r));
    start.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('caps the probe heap from the catalogue and gives it 16 libuv threads; the site gets neither', () => {
    const children = childrenOf(start.pid!);
    const probe = children.find((c) => c.argv.some((a) => a.endsWith('src/cli/probe.ts')));
    const site = children.find((c) => c.argv.some((a) => a.endsWith('src/cli/web.ts')));
    expect(probe?.argv).toContain(`--max-old-space-size=${probeHeapLimitMb(SERVICES)}`);
    // Sized from the catalogue, not the floor every small catalogue gets.
    expect(probeHeapLimitMb(SERVICES)).toBeGreaterThan(probeHeapLimitMb(0));
    expect(probe?.env).toContain('UV_THREADPOOL_SIZE=16');
    expect(site?.argv.some((a) => a.startsWith('--max-old-space-size'))).toBe(false);
    expect(site?.env.some((v) => v.startsWith('UV_THREADPOOL_SIZE='))).toBe(false);
  });

  it('supervises the sender even without SMTP, for the webhooks staff register', () => {
    // Spawned in the same turn as the site, whose line the setup waited for.
    const sender = childrenOf(start.pid!).find((c) => c.argv.some((a) => a.endsWith('src/cli/sender.ts')));
    expect(sender).toBeDefined();
    // With the sender's Node flags, the same as `npm run sender`'s.
    expect(sender?.argv).toEqual(expect.arrayContaining([...SENDER_NODE_FLAGS]));
    const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.sender;
    expect(script).toBe(`node ${SENDER_NODE_FLAGS.join(' ')} src/cli/sender.ts`);
  });
});
