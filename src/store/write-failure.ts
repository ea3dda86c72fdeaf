/**
 * Why a write failed, as far as the caller must act on it: the database refused these rows (a
 * constraint, a value it cannot store: trying again changes nothing), or it could not take a write
 * at all (down, unreachable, full, locked, too slow). Only the first may ever drop a result; any
 * other failure, even one never seen before, keeps it waiting for the store to come back.
 */
export const WRITE_FAILURES = ['row_refused', 'store_unavailable'] as const;
export type WriteFailure = (typeof WRITE_FAILURES)[number];

/** SQLite primary result codes that name the rows, not the database: constraint, datatype mismatch, too big, bind range. */
const SQLITE_ROW_CODES = new Set([18, 19, 20, 25]);
/** PostgreSQL SQLSTATE classes about the data: 22 data exception, 23 integrity constraint violation. */
const POSTGRES_ROW_CLASSES = new Set(['22', '23']);

export function writeFailure(error: unknown): WriteFailure {
  if (typeof error !== 'object' || error === null) return 'store_unavailable';
  const { errcode, code } = error as { errcode?: unknown; code?: unknown };
  if (typeof errcode === 'number') return SQLITE_ROW_CODES.has(errcode & 0xff) ? 'row_refused' : 'store_unavailable';
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return POSTGRES_ROW_CLASSES.has(code.slice(0, 2)) ? 'row_refused' : 'store_unavailable';
  }
  return 'store_unavailable';
}
