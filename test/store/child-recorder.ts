import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./fixtures/record-loop.ts', import.meta.url));

export interface Recorder {
  child: ChildProcess;
  /** Every n the child acknowledged, in order. */
  acked: number[];
  /** Resolves once at least `n` acknowledgements arrived (rejects if the child exits first). */
  waitForAcks(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts fixtures/record-loop.ts in a real Node process (so kill -9 kills a real writer). */
export function startRecorder(
  databaseUrl: string,
  serviceId: string,
  options: { schema?: string; count?: number; writers?: number } = {},
): Recorder {
  const args = [SCRIPT, databaseUrl, serviceId, options.schema ?? '-', ...(options.count ? [String(options.count)] : [])];
  const env = { ...process.env, RECORD_WRITERS: String(options.writers ?? 1) };
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const acked: number[] = [];
  const waiters: Array<{ n: number; resolve: () => void; reject: (e: Error) => void }> = [];
  let stderr = '';
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
    for (const w of waiters.filter((w) => acked.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`recorder exited (${code ?? signal}) after ${acked.length} acks: ${stderr}`));
      resolve({ code, signal, stderr });
    }),
  );
  return {
    child,
    acked,
    exited,
    waitForAcks: (n) => (acked.length >= n ? Promise.resolve() : new Promise((resolve, reject) => waiters.push({ n, resolve, reject }))),
  };
}
