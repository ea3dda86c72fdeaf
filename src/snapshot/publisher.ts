import type { Publication } from './publish.ts';
import { publicationDue, TICK_MS, type LastPublication } from './publication-due.ts';

export interface PublisherOptions {
  publish: () => Promise<Publication>;
  readVersion: () => Promise<number>;
  log: (line: string) => void;
  now?: () => number;
}

/**
 * Publishes the static copy (in the publisher process): whenever the public data changes (at most
 * every few seconds) and at least once a minute. A failed publication is logged and the last good
 * copy stays in place.
 */
export function startSnapshotPublisher(options: PublisherOptions): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  let last: LastPublication | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let failures = 0;

  async function tick(): Promise<void> {
    const version = await options.readVersion().catch(() => null);
    if (!publicationDue(last, now(), version)) return;
    const at = now();
    try {
      const done = await options.publish();
      if (last === null || failures > 0) {
        options.log(`static copy published in ${done.folder} (${done.files} addresses, ${done.rendered} rendered, ${done.ms} ms)`);
      }
      last = { at, version };
      failures = 0;
    } catch (error) {
      failures += 1;
      // Retried at the next tick; logged on the first failure and then once a minute.
      if (failures === 1 || failures % Math.round(60_000 / TICK_MS) === 0) {
        options.log(`static copy not published (${failures} in a row): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const timer = setInterval(() => {
    if (!running && !stopped) running = tick().finally(() => (running = null));
  }, TICK_MS);
  running = tick().finally(() => (running = null));
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
