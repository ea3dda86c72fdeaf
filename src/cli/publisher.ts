import { setPriority } from 'node:os';
import { loadCatalogue } from '../config/load-catalogue.ts';
import { loadSettings } from '../config/settings.ts';
import { startSitePublisher } from '../snapshot/site-publisher.ts';
import { assertBuilt } from '../web/web-server.ts';

/**
 * `npm run publisher` (and a process of `npm start` when VIGIE_SNAPSHOT_DIR is set): publishes the
 * static copy of the public site there. It renders the pages on threads of its own (one per core),
 * at a lower CPU priority, so the site's visitors never wait behind a publication.
 */
const settings = loadSettings();
const dir = settings.VIGIE_SNAPSHOT_DIR;
if (!dir) {
  console.error('VIGIE_SNAPSHOT_DIR is not set: there is no static copy to publish.');
  process.exit(2);
}
// Nice 10: on a busy machine the site's requests come first; the copy only needs to follow within
// seconds. Set before the render threads start, which take it from this one.
setPriority(10);
const buildDir = settings.VIGIE_BUILD_DIR;
try {
  assertBuilt(buildDir);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const catalogue = await loadCatalogue(settings.VIGIE_SERVICES);
const publisher = startSitePublisher({ settings, catalogue, buildDir });
console.log(`Vigie publisher writing the static copy in ${dir}`);

function stop(): void {
  void publisher.stop().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
