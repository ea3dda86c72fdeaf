import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The spool folder when `VIGIE_PROBE_SPOOL_DIR` is not set: beside the SQLite file, or one folder
 * per PostgreSQL database under ./data/probe-spool, so a probe never replays results meant for
 * another database. The password is not part of what tells databases apart.
 */
export function defaultSpoolDir(databaseUrl: string): string {
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) return resolve(`${databaseUrl}-spool`);
  const url = new URL(databaseUrl);
  url.password = '';
  const digest = createHash('sha256').update(url.toString()).digest('hex').slice(0, 16);
  return resolve('data', 'probe-spool', `${url.hostname}-${digest}`);
}
