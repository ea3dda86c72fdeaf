import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/** Processes started by this test file, so that a wait that times out can show what they printed. */
const started: { entry: string; output: () => string }[] = [];

/** A real Vigie process (`src/cli/sender.ts`, `src/cli/probe.ts`) with its own settings, and the Node flags it runs with. */
export function startProcess(entry: string, env: Record<string, string>, nodeFlags: readonly string[] = []): RunningProcess {
  const child = spawn(process.execPath, [...nodeFlags, `${root}${entry}`], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  started.push({ entry, output: () => output });
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits for a condition the test cannot be told about by an event (another process's work), with a generous limit. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  limitMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const outputs = started.map((p) => `--- ${p.entry} printed (end):\n${p.output().slice(-2000)}`);
      throw new Error([`Timed out waiting for ${what}`, ...outputs].join('\n'));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
