import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { TEST_POSTGRES_URL, type schemaFactory } from '../store/postgres-support.ts';

export type OpenBackend = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

/** A fresh store on each backend, for `describe.each`: a temporary SQLite file, and a new PostgreSQL schema from `schemas`. */
export function storeBackends(schemas: ReturnType<typeof schemaFactory>): [string, OpenBackend][] {
  return [
    ['sqlite', () => tempStore()],
    [
      'postgres',
      async () => {
        const store = await openStore(TEST_POSTGRES_URL, { schema: schemas.next() });
        return { store, dispose: () => store.close() };
      },
    ],
  ];
}
