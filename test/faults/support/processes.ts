import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/site-server.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A real `node` process of ours, its output kept for the failure message. */
export function run(entry: string, env: Record<string, string>, args: string[] = [], scriptArgs: string[] = []): Running {
  const child = spawn(process.execPath, [...args, join(root, entry), ...scriptArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export async function startProbe(env: Record<string, string>): Promise<Running & { port: number }> {
  const port = await freePort();
  const probe = run('src/cli/probe.ts', { PROBE_PORT: String(port), ...env });
  await until(
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true,
    30_000,
    () => probe.output(),
  );
  return { ...probe, port };
}

export async function stopGracefully(running: Running): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  await running.exited;
}

/** Waits for a condition by polling (an outside process gives no event to wait on). */
export async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  describe: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms\n${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function writeJson(dir: string, name: string, body: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
}

export const TEST_CATEGORIES = [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }];
