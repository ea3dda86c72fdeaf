import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * `postgres://` or `postgresql://` selects PostgreSQL; anything else is a SQLite file path (its
 * folder is created). Migrations are applied before the store is returned.
 */
export function openStore(databaseUrl: string, options: { schema?: string } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return openPostgresStore(databaseUrl, options);
  return openSqliteStore(databaseUrl);
}
