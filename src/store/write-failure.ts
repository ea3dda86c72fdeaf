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

/** PostgreSQL: statement timeout (57014) and lock timeout (55P03): the store answered, too late. */
const POSTGRES_TIMEOUTS = new Set(['57014', '55P03']);
/** The client's own deadlines (pg's query and connection timeouts). */
const CLIENT_TIMEOUT = /^(Query read timeout|timeout exceeded when trying to connect)$/;

/** A failure that says the store is slow (a deadline passed), not that it is gone. */
export function isTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && POSTGRES_TIMEOUTS.has(code)) || (typeof message === 'string' && CLIENT_TIMEOUT.test(message));
}
