import { storeFolder } from '../config/store-folder.ts';
import { join } from 'node:path';
import type { Settings } from '../config/settings.ts';
import type { Store } from '../store/store.ts';
import { publishDays } from './publish-days.ts';

/** Where the open data is written: `VIGIE_OPEN_DATA_DIR`, or `open-data` in the store's folder. */
export function openDataDir(settings: Pick<Settings, 'VIGIE_OPEN_DATA_DIR' | 'DATABASE_URL'>): string {
  return settings.VIGIE_OPEN_DATA_DIR ?? join(storeFolder(settings.DATABASE_URL), 'open-data');
}

export const OPEN_DATA_TITLE = 'Vigie: check results of public online services';

/** One publication of the days due, with the settings of the process running it. */
export function publishOpenData(store: Store, settings: Settings, now: Date): Promise<string[]> {
  return publishDays({
    store,
    dir: openDataDir(settings),
    now,
    retentionDays: settings.VIGIE_RETENTION_DAYS,
    site: { url: `${settings.VIGIE_PUBLIC_URL}/data/`, title: OPEN_DATA_TITLE },
  });
}

const HOUR_MS = 3_600_000;

/**
 * The probe side's hourly publication: the first a minute after start (a restart storm stays
 * light), then an hour after each one ends, so two never overlap. Failures are logged and retried
 * at the next round; nothing published is lost by one.
 */
export function startOpenDataJob(input: { run: () => Promise<string[]>; log: (line: string) => void; firstAfterMs?: number }): {
  stop(): Promise<void>;
} {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    running = input
      .run()
      .then((days) => days.length > 0 && input.log(`open data published for ${days.join(', ')}`))
      .catch((error: unknown) => input.log(`open data not published this hour: ${error instanceof Error ? error.message : String(error)}`))
      .then(() => {
        if (!stopped) timer = setTimeout(round, HOUR_MS).unref();
      });
  };
  timer = setTimeout(round, input.firstAfterMs ?? 60_000).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
