import { readNumber, type SqlExecutor } from './executor.ts';

/** One counter row: bumped inside the transaction of every write the public can see. */
export async function bumpDataVersion(tx: SqlExecutor): Promise<void> {
  await tx.run('UPDATE data_version SET version = version + 1 WHERE id = 1');
}

export async function readDataVersion(sql: SqlExecutor): Promise<number> {
  const rows = await sql.all('SELECT version FROM data_version WHERE id = 1');
  return readNumber(rows[0]?.version);
}
