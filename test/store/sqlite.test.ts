import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { runStoreContract } from './store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-store-'));
let n = 0;
runStoreContract(
  'sqlite',
  () => openStore(join(dir, `db-${++n}`, 'vigie.db')),
  async () => rmSync(dir, { recursive: true, force: true }),
);
