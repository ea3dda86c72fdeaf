import { resolve } from 'node:path';
import { loadCatalogue } from '../config/load-catalogue.ts';
import { loadSettings } from '../config/settings.ts';
import { assertBuilt } from '../web/web-server.ts';
import { createRenderPool, renderThreads } from '../snapshot/render-pool.ts';
import { subscriptionsEnabled } from '../config/subscriptions-enabled.ts';
import { openDataDir } from '../opendata/open-data-job.ts';
import { publishSnapshot } from '../snapshot/publish.ts';

/**
 * `npm run snapshot -- <dir> [--full]`: writes one static copy of the public site into `<dir>` (same
 * settings as `npm start`; the site must be built) and exits. `<dir>/current` then points to it.
 * Built on the current copy when there is one, unless `--full`.
 */
const dirArgument = process.argv.slice(2).find((a) => !a.startsWith('--'));
const full = process.argv.includes('--full');
if (!dirArgument) {
  console.error('Usage: npm run snapshot -- <folder> [--full]   (writes <folder>/copy-…, <folder>/current and <folder>/nginx.conf)');
  process.exit(2);
}
const settings = loadSettings();
const buildDir = settings.VIGIE_BUILD_DIR;
const catalogue = await loadCatalogue(settings.VIGIE_SERVICES);
assertBuilt(buildDir);
// Rendered on threads of their own, as the publisher does.
const renderer = createRenderPool({ buildDir, publicUrl: settings.VIGIE_PUBLIC_URL }, renderThreads(catalogue.services.length));
try {
  const done = await publishSnapshot({
    dir: resolve(dirArgument),
    renderer,
    clientDir: `${buildDir}/client`,
    serviceIds: catalogue.services.map((s) => s.id),
    publicUrl: settings.VIGIE_PUBLIC_URL,
    openDataDir: openDataDir(settings),
    subscriptions: subscriptionsEnabled(settings),
    full,
  });
  console.log(
    `Static copy written: ${done.folder} (${done.files} addresses, ${done.rendered} rendered, ${Math.round(done.bytes / 1024)} kB written with .gz/.br, ${done.ms} ms)`,
  );
  console.log(`Serve ${resolve(dirArgument)}/current; an nginx configuration is in ${resolve(dirArgument)}/nginx.conf`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
