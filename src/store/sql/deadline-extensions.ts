import type { DeadlineExtension } from '../../domain/guidance.ts';
import { bumpDataVersion } from './data-version.ts';
import { readDate, readString, type SqlDatabase } from './executor.ts';

/** Extensions of catalogue deadlines; publishing one changes what every page shows, so it moves the data version. */
export async function saveDeadlineExtension(db: SqlDatabase, extension: DeadlineExtension): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO deadline_extensions (service_id, deadline_id, new_at, url, author, published_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (service_id, deadline_id) DO UPDATE SET new_at = excluded.new_at, url = excluded.url,
         author = excluded.author, published_at = excluded.published_at`,
      [extension.serviceId, extension.deadlineId, tx.time(extension.at), extension.url, extension.author, tx.time(extension.publishedAt)],
    );
    await bumpDataVersion(tx);
  });
}

export async function listDeadlineExtensions(db: SqlDatabase): Promise<DeadlineExtension[]> {
  const rows = await db.all('SELECT * FROM deadline_extensions ORDER BY service_id, deadline_id');
  return rows.map((row) => ({
    serviceId: readString(row.service_id),
    deadlineId: readString(row.deadline_id),
    at: readDate(row.new_at),
    url: readString(row.url),
    author: readString(row.author),
    publishedAt: readDate(row.published_at),
  }));
}
