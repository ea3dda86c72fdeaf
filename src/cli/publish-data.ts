import { settingsOrExit } from '../config/settings-or-exit.ts';
import { openDataDir, publishOpenData } from '../opendata/open-data-job.ts';
import { openStore } from '../store/open-store.ts';

/**
 * `npm run publish-data`: writes the open-data files of every complete Paris day not yet
 * published (what the probe does hourly), then exits. For a cron job, or a host that serves the
 * static copy and not the probe.
 */
const settings = settingsOrExit();
const store = await openStore(settings.DATABASE_URL);
try {
  const days = await publishOpenData(store, settings, new Date());
  console.log(
    days.length > 0
      ? `Open data written in ${openDataDir(settings)}: ${days.join(', ')}`
      : `Open data in ${openDataDir(settings)} is up to date.`,
  );
} catch (error) {
  console.error(`publish-data: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
