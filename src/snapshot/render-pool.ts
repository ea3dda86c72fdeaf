import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderedFile } from './render-file.ts';
import type { PublishedPath } from './site-paths.ts';

export interface RenderWorkerData {
  buildDir: string;
  publicUrl: string;
}
export interface RenderRequest {
  id: number;
  path: PublishedPath;
  generatedAt: string;
}
export type WorkerMessage = { ready: true } | { failed: string } | { id: number; file: RenderedFile } | { id: number; error: string };

/** Addresses one thread is given at a time: enough to overlap the store's reads with rendering. */
const PER_THREAD = 3;
const WORKER = new URL('./render-worker.ts', import.meta.url);

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  /** Addresses given to it and not answered yet, counted from before it is ready. */
  load: number;
  pending: Map<number, { resolve: (file: RenderedFile) => void; reject: (error: Error) => void }>;
}

/** Past this many services per thread another thread pays for itself. */
const SERVICES_PER_THREAD = 1_000;

/**
 * Threads for a catalogue: each loads the built site of its own (4–6 s of CPU and a few hundred MB
 * to start), which a few hundred services do not earn back (two threads took 9.5 s for 40 services
 * and 32.4 s for 500 where rendering in the publisher's own thread took 5.3 s and 23.4 s); at
 * 2,000 services two threads took 50 s instead of 75 s.
 */
export function renderThreads(serviceCount: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.ceil(serviceCount / SERVICES_PER_THREAD)));
}

/**
 * Renders the copy's addresses on `threads` worker threads (see `renderThreads`), each with
 * the built site of its own: a publication of thousands of addresses uses every core while the
 * publisher's main thread only writes files. Each address goes to the thread with the fewest under
 * way; a thread that dies fails what it held and is replaced for the next address.
 */
export function createRenderPool(data: RenderWorkerData, threads: number) {
  let nextId = 0;
  let closed = false;
  const pool: (Thread | null)[] = Array.from({ length: threads }, () => null);

  function start(slot: number): Thread {
    const worker = new Worker(WORKER, { workerData: data });
    const pending: Thread['pending'] = new Map();
    let ready!: () => void;
    let failed!: (error: Error) => void;
    const thread: Thread = { worker, pending, load: 0, ready: new Promise((resolve, reject) => ((ready = resolve), (failed = reject))) };
    // Nothing may be waiting on a thread that fails to start: that is no unhandled rejection.
    thread.ready.catch(() => undefined);
    const fail = (error: Error) => {
      if (pool[slot] === thread) pool[slot] = null;
      failed(error);
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) return ready();
      if ('failed' in message) return fail(new Error(`static copy: a render thread could not start: ${message.failed}`));
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if ('error' in message) waiting?.reject(new Error(message.error));
      else waiting?.resolve(asBuffers(message.file));
    });
    worker.on('error', (error) => fail(new Error(`static copy: a render thread failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`static copy: a render thread exited (${code})`)));
    return thread;
  }

  function least(): Thread {
    let best = 0;
    for (let slot = 0; slot < pool.length; slot++) {
      pool[slot] ??= start(slot);
      if (pool[slot]!.load < pool[best]!.load) best = slot;
    }
    return pool[best]!;
  }

  return {
    concurrency: threads * PER_THREAD,
    async render(path: PublishedPath, generatedAt: Date): Promise<RenderedFile> {
      if (closed) throw new Error('static copy: the render pool is closed');
      const thread = least();
      thread.load += 1;
      try {
        await thread.ready;
        const id = nextId++;
        return await new Promise<RenderedFile>((resolve, reject) => {
          thread.pending.set(id, { resolve, reject });
          thread.worker.postMessage({ id, path, generatedAt: generatedAt.toISOString() } satisfies RenderRequest);
        });
      } finally {
        thread.load -= 1;
      }
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(pool.map((thread) => thread?.worker.terminate()));
    },
  };
}

export type RenderPool = ReturnType<typeof createRenderPool>;

/** Bytes cross threads as plain Uint8Arrays. */
function asBuffers(file: RenderedFile): RenderedFile {
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    body: buffer(file.body),
    written: buffer(file.written),
    ...(file.gz ? { gz: buffer(file.gz) } : {}),
    ...(file.br ? { br: buffer(file.br) } : {}),
  };
}
