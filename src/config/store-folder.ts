import { dirname } from 'node:path';

/**
 * The folder files kept beside the store live in (the signing key, the open data): the SQLite
 * file's folder, or `./data` with PostgreSQL.
 */
export function storeFolder(databaseUrl: string): string {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'data' : dirname(databaseUrl);
}
