import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { T0 } from './contract-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-prune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('prunes more results than one batch holds, and keeps the newer ones', async () => {
  const path = join(dir, 'prune.db');
  await (await openStore(path)).close();
  const db = new DatabaseSync(path);
  const insert = db.prepare(
    "INSERT INTO check_results (service_id, location, started_at, outcome, probe_offline) VALUES ('impots', 'paris', ?, 'ok', 0)",
  );
  db.exec('BEGIN');
  for (let i = 0; i < 12_345; i += 1) insert.run(T0.getTime() + i * 1000);
  db.exec('COMMIT');
  db.close();
  const store = await openStore(path);
  expect(await store.pruneResults(new Date(T0.getTime() + 12_000 * 1000))).toBe(12_000);
  const left = await store.listResults('impots', { limit: 1000 });
  expect(left).toHaveLength(345);
  expect(left.at(-1)!.startedAt).toEqual(new Date(T0.getTime() + 12_000 * 1000));
  await store.close();
});
