import { applyMigrations } from '../migrations/apply-migrations.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { createSqlStore } from '../sql/sql-store.ts';
import type { Store } from '../store.ts';
import { openSqliteDatabase, type SqliteOptions } from './sqlite-database.ts';

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<Store> {
  const db = openSqliteDatabase(path, options);
  try {
    await applyMigrations(db, MIGRATIONS, `"${path}"`);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db, 'sqlite');
}
