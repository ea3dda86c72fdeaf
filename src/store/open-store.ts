import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** PostgreSQL only: work inside this schema (created if missing), e.g. to isolate a test suite. */
  schema?: string;
  /**
   * Told of each trouble the store got over by itself (a write retried on a busy SQLite file, an
   * idle PostgreSQL connection lost), so health output can count what would otherwise be silent.
   */
  onRecovered?: (trouble: StoreTrouble, error?: unknown) => void;
}

export const STORE_TROUBLES = ['busy_retry', 'connection_lost'] as const;
export type StoreTrouble = (typeof STORE_TROUBLES)[number];

/**
 * `postgres://` or `postgresql://` selects PostgreSQL; anything else is a SQLite file path (its
 * folder is created). Migrations are applied before the store is returned.
 */
export function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    const onConnectionLost = options.onRecovered ? (error: unknown) => options.onRecovered?.('connection_lost', error) : undefined;
    return openPostgresStore(databaseUrl, {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(onConnectionLost ? { onConnectionLost } : {}),
    });
  }
  const onRecovered = options.onRecovered;
  return openSqliteStore(databaseUrl, onRecovered ? { onBusyRetry: () => onRecovered('busy_retry') } : {});
}
