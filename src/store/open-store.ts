import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** PostgreSQL only: work inside this schema (created if missing), e.g. to isolate a test suite. */
  schema?: string;
  /** SQLite only: told of each write retried on a busy file, for the health counters. */
  onBusyRetry?: () => void;
}

/**
 * `postgres://` or `postgresql://` selects PostgreSQL; anything else is a SQLite file path (its
 * folder is created). Migrations are applied before the store is returned.
 */
export function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    return openPostgresStore(databaseUrl, options.schema === undefined ? {} : { schema: options.schema });
  }
  return openSqliteStore(databaseUrl, options.onBusyRetry ? { onBusyRetry: options.onBusyRetry } : {});
}
