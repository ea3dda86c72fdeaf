import type { Catalogue } from '../config/services-schema.ts';
import type { Settings } from '../config/settings.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { createRenderPool, renderThreads } from './render-pool.ts';
import { subscriptionsEnabled } from '../config/subscriptions-enabled.ts';
import { openDataDir } from '../opendata/open-data-job.ts';
import { publishSnapshot } from './publish.ts';
import { startSnapshotPublisher } from './publisher.ts';

/**
 * The static copy's publisher as its process runs it: pages rendered by the built site on worker
 * threads, one per core (so they are exactly what visitors get), the data version from a store
 * connection of its own, opened when first needed and retried while the store is away.
 */
export function startSitePublisher(input: { settings: Settings; catalogue: Catalogue; buildDir: string }): {
  stop(): Promise<void>;
} {
  const dir = input.settings.VIGIE_SNAPSHOT_DIR;
  if (!dir) throw new Error('VIGIE_SNAPSHOT_DIR is not set');
  let store: Promise<Store> | null = null;
  const readVersion = async () => {
    store ??= openStore(input.settings.DATABASE_URL).catch((error: unknown) => {
      store = null;
      throw error;
    });
    return (await store).dataVersion();
  };
  const renderer = createRenderPool(
    { buildDir: input.buildDir, publicUrl: input.settings.VIGIE_PUBLIC_URL },
    renderThreads(input.catalogue.services.length),
  );
  const publisher = startSnapshotPublisher({
    readVersion,
    publish: () =>
      publishSnapshot({
        dir,
        renderer,
        clientDir: `${input.buildDir}/client`,
        serviceIds: input.catalogue.services.map((s) => s.id),
        publicUrl: input.settings.VIGIE_PUBLIC_URL,
        openDataDir: openDataDir(input.settings),
        subscriptions: subscriptionsEnabled(input.settings),
      }),
    log: (line) => console.log(`vigie-site: ${line}`),
  });
  return {
    async stop() {
      await publisher.stop();
      await renderer.close();
      await (await store?.catch(() => null))?.close();
    },
  };
}
