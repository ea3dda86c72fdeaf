/**
 * The small surface the store's SQL needs from a database. Both backends implement it, so the
 * behaviour (what a write does, in which transaction) is written once and proved by one contract
 * suite; only value encoding and the DDL differ per dialect.
 *
 * SQL is written with `?` placeholders and portable syntax (ON CONFLICT, RETURNING, partial indexes).
 */
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Encodes an instant for a parameter: epoch ms for SQLite, a Date for timestamptz. */
  time(value: Date): unknown;
  bool(value: boolean): unknown;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs `fn` in one write transaction; retried as a whole when the database is busy. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  isUniqueViolation(error: unknown): boolean;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function timeOrNull(sql: SqlExecutor, value: Date | null | undefined): unknown {
  return value ? sql.time(value) : null;
}

export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function readDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return new Date(Number(value));
  throw new TypeError(`Expected a stored instant, got ${typeof value}`);
}

export function readDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : readDate(value);
}

export function readNumber(value: unknown): number {
  return Number(value ?? 0);
}

export function readNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function readBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === '1' || value === 't';
}

export function readString(value: unknown): string {
  return String(value);
}

export function readStringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * A stored word of a closed set, checked against its tuple: a value written by another version or
 * by hand fails here, naming the column and the value, instead of flowing on as a false type.
 */
export function readOneOf<const T extends readonly string[]>(value: unknown, allowed: T, column: string): T[number] {
  const word = String(value);
  const known = allowed.find((w): w is T[number] => w === word);
  if (known === undefined) throw new TypeError(`Unknown value "${word}" in column ${column} (expected one of: ${allowed.join(', ')})`);
  return known;
}

export function readOneOfOrNull<const T extends readonly string[]>(value: unknown, allowed: T, column: string): T[number] | null {
  return value === null || value === undefined ? null : readOneOf(value, allowed, column);
}

/** jsonb comes back parsed from PostgreSQL, as text from SQLite. */
export function readJson<T>(value: unknown): T {
  if (value === null || value === undefined) return null as T;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
