import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyOpenData } from '../../src/opendata/copy-open-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-copy-open-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('puts the published files into a static copy, day files hard-linked, nothing half-written', async () => {
  const from = join(dir, 'open-data');
  mkdirSync(join(from, 'checks'), { recursive: true });
  for (const name of [
    'chain.json',
    'datapackage.json',
    'chain.json.partial',
    'checks/2026-03-01.csv.gz',
    'checks/2026-03-02.csv.gz.partial',
    'notes.txt',
  ]) {
    writeFileSync(join(from, name), name);
  }
  expect(await copyOpenData(from, join(dir, 'copy', 'data'))).toBe(3);
  expect(
    readdirSync(join(dir, 'copy', 'data'), { recursive: true })
      .map(String)
      .sort(),
  ).toEqual(['chain.json', 'checks', 'checks/2026-03-01.csv.gz', 'datapackage.json']);
  expect(statSync(join(dir, 'copy', 'data', 'checks', '2026-03-01.csv.gz')).ino).toBe(
    statSync(join(from, 'checks', '2026-03-01.csv.gz')).ino,
  );
  expect(await copyOpenData(join(dir, 'missing'), join(dir, 'copy2'))).toBe(0);
});
