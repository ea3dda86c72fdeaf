import { loadCatalogue } from '../../../src/config/load-catalogue.ts';
import { loadSnapshot } from '../../../src/status/load.ts';
import { openStore } from '../../../src/store/open-store.ts';

/**
 * Reads the status as the site's pages do, in a process of its own (so a test can run it under
 * libfaketime, as a web host with a wrong clock), and prints each service's published state and
 * check time as JSON.
 */
const store = await openStore(process.env.DATABASE_URL!);
try {
  const catalogue = await loadCatalogue(process.env.VIGIE_SERVICES!);
  const snapshot = await loadSnapshot({ store, catalogue }, new Date());
  const services = snapshot.services.map((s) => ({ id: s.id, state: s.state, lastCheckedAt: s.lastCheckedAt }));
  process.stdout.write(JSON.stringify({ hostNow: new Date(), generatedAt: snapshot.generatedAt, services }));
} finally {
  await store.close();
}
