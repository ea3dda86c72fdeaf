import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { checkKindsContract } from './contract/check-kinds-contract.ts';
import { catalogueEditsContract } from './contract/catalogue-edits-contract.ts';
import { checksContract } from './contract/checks-contract.ts';
import { dataVersionContract } from './contract/data-version-contract.ts';
import { deadlineExtensionsContract } from './contract/deadline-extensions-contract.ts';
import { fencingContract } from './contract/fencing-contract.ts';
import { heartbeatsContract } from './contract/heartbeats-contract.ts';
import { incidentsContract } from './contract/incidents-contract.ts';
import { leasesContract } from './contract/leases-contract.ts';
import { maintenanceContract } from './contract/maintenance-contract.ts';
import { outagesContract } from './contract/outages-contract.ts';
import { staffContract } from './contract/staff-contract.ts';
import { subscriptionsContract } from './contract/subscriptions-contract.ts';
import { rootIncidentsContract } from './contract/root-incidents-contract.ts';
import { timelineContract } from './contract/timeline-contract.ts';
import { upstreamReadingsContract } from './contract/upstream-readings-contract.ts';

export interface ContractContext {
  /** A fresh, empty, migrated store for the current test. */
  store(): Store;
}

/**
 * Every Store implementation must pass this suite. `open` returns a fresh empty store each time
 * (a new file, a new schema); `cleanup` runs once after the suite.
 */
export function runStoreContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | null = null;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    if (cleanup) afterAll(cleanup);
    const ctx: ContractContext = {
      store: () => {
        if (!current) throw new Error('No store open: ctx.store() is for use inside tests');
        return current;
      },
    };
    checksContract(ctx);
    checkKindsContract(ctx);
    heartbeatsContract(ctx);
    outagesContract(ctx);
    leasesContract(ctx);
    fencingContract(ctx);
    dataVersionContract(ctx);
    incidentsContract(ctx);
    maintenanceContract(ctx);
    staffContract(ctx);
    subscriptionsContract(ctx);
    catalogueEditsContract(ctx);
    timelineContract(ctx);
    upstreamReadingsContract(ctx);
    rootIncidentsContract(ctx);
    deadlineExtensionsContract(ctx);
  });
}
