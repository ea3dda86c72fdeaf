import type { SqlDatabase, SqlExecutor } from '../sql/executor.ts';
import type { Migration } from './migration.ts';

/** Arbitrary constant naming Vigie's migration lock among PostgreSQL advisory locks. */
export const PG_MIGRATION_LOCK = 7_414_253;

/**
 * Applies pending migrations in order, each in its own transaction. Processes opening the same
 * database at once (site and probe) serialize on a lock and re-read what is applied. A migration
 * is pending when its own version is missing, not when it is below the highest one applied: work
 * developed side by side may land a lower number after a higher one, and must still run.
 */
export async function applyMigrations(db: SqlDatabase, migrations: readonly Migration[], where: string): Promise<number> {
  // Under the lock too: PostgreSQL's IF NOT EXISTS is not safe against a concurrent creator.
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
  });
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  let applied = 0;
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await lock(tx);
      const current = await currentVersion(tx);
      if (current > known) throw tooNew(where, current, known);
      if (await isApplied(tx, migration.version)) return false;
      await tx.exec(tx.dialect === 'sqlite' ? migration.sqlite : migration.postgres);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (didApply) applied += 1;
  }
  const final = await currentVersion(db);
  if (final > known) throw tooNew(where, final, known);
  return applied;
}

async function lock(tx: SqlExecutor): Promise<void> {
  if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [PG_MIGRATION_LOCK]);
}

async function isApplied(sql: SqlExecutor, version: number): Promise<boolean> {
  return (await sql.all('SELECT 1 FROM schema_migrations WHERE version = ?', [version])).length > 0;
}

async function currentVersion(sql: SqlExecutor): Promise<number> {
  const rows = await sql.all('SELECT MAX(version) AS version FROM schema_migrations');
  return Number(rows[0]?.version ?? 0);
}

function tooNew(where: string, current: number, known: number): Error {
  return new Error(
    `The database ${where} has schema version ${current}, but this version of Vigie only knows up to ${known}. ` +
      'It was written by a newer Vigie: run that version, or point DATABASE_URL at another database.',
  );
}
