import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { pruneOld } from '../../src/probe/housekeeping.ts';
import { openStore } from '../../src/store/open-store.ts';
import { at, check } from '../store/contract-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-housekeeping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY_S = 86_400;

it('keeps state changes as long as the rollups, past the raw results, for the timeline export', async () => {
  const store = await openStore(join(dir, 'vigie.db'));
  await check(store, { at: at(0) });
  await check(store, { at: at(40 * DAY_S), state: 'down', since: at(40 * DAY_S), previous: at(0) });
  const all = { from: at(-DAY_S), to: at(100 * DAY_S), limit: 100, staffActions: [] };
  // 50 days on: the raw results of day 0 are past 30 days, the rollups' 45 days keep day 40 only.
  const pruned = await pruneOld(store, at(50 * DAY_S).getTime(), { resultDays: 30, rollupDays: 45, auditDays: 365 });
  expect(pruned.results).toBe(1);
  expect(pruned.stateChanges).toBe(1);
  expect((await store.readTimeline(all)).stateChanges.map((c) => [c.at, c.to])).toEqual([[at(40 * DAY_S), 'down']]);
  await store.close();
});
