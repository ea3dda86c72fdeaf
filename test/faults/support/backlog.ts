import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { FakeGov } from '../../fake-gov/index.ts';
import { TEST_CATEGORIES } from './processes.ts';

/** What the fault scenarios about the write path read from a running probe and its store. */
export interface ProbeHealth {
  scheduler: { checksStarted: number };
  buffer: { size: number; written: number; dropped: number; rejected: number; store: string };
  store: {
    writes: 'ok' | 'slow' | 'unavailable';
    since: string | null;
    lastError: string | null;
    leases: { state: 'ok' | 'slow' | 'unreachable'; since: string | null; lastError: string | null } | null;
  };
}

export async function probeHealth(port: number): Promise<ProbeHealth> {
  return (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as Promise<ProbeHealth>;
}

export async function probeReady(port: number): Promise<{ status: number; problems: string[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, problems: ((await res.json()) as { problems: string[] }).problems };
}

/** `count` services on the fake government, checked every `interval` seconds, enough of them for a backlog to pile up quickly. */
export function manyServices(gov: FakeGov, count: number, interval: number): unknown {
  return {
    categories: TEST_CATEGORIES,
    defaults: { allowPrivateNetwork: true, interval, timeout: 2 },
    services: serviceIds(count).map((id) => ({ id, name: { fr: id, en: id }, category: 'tests', url: gov.url(id) })),
  };
}

export function serviceIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `s${String(i).padStart(4, '0')}`);
}

export function totalHits(gov: FakeGov, ids: readonly string[]): number {
  return ids.reduce((sum, id) => sum + gov.hits(id), 0);
}

/** Results stored, and the age of the newest, read straight from the database (PostgreSQL URL or SQLite file). */
export async function storedResults(database: string): Promise<{ count: number; newestAgeMs: number | null }> {
  const sql = 'SELECT COUNT(*) AS n, MAX(started_at) AS newest FROM check_results';
  if (/^postgres/.test(database)) {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      const row = (await client.query<{ n: string; newest: Date | null }>(sql)).rows[0]!;
      return { count: Number(row.n), newestAgeMs: row.newest ? Date.now() - row.newest.getTime() : null };
    } finally {
      await client.end();
    }
  }
  const db = new DatabaseSync(database, { readOnly: true });
  try {
    const row = db.prepare(sql).get() as { n: number; newest: number | null };
    return { count: Number(row.n), newestAgeMs: row.newest === null ? null : Date.now() - Number(row.newest) };
  } finally {
    db.close();
  }
}
