import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from './postgres-support.ts';
import { runStoreContract } from './store-contract.ts';

const schemas = schemaFactory('vigie_contract');
if (await requirePostgres('test/store/postgres.test.ts')) {
  runStoreContract(
    'postgres',
    () => openStore(TEST_POSTGRES_URL, { schema: schemas.next() }),
    () => schemas.dropAll(),
  );
} else {
  describe.skip('Store contract: postgres (PostgreSQL unreachable)', () => it('needs PostgreSQL', () => undefined));
}
