import type { ClaimedDelivery, DeliveryKey, DeliveryStats, FailedAttempt } from '../../subscription-records.ts';
import { readNumber, readString, type SqlDatabase, type SqlExecutor } from '../executor.ts';
import { getSubscribers } from './subscribers.ts';

const DUE = "status IN ('pending', 'sending') AND next_attempt_at <= ?";

/**
 * Leases due messages: `sending` with the lease end as next attempt, so a sender killed mid-batch
 * leaves rows that come due again when their lease runs out, and nothing is lost. Each claimed
 * message gets its manage token (hashed) in the same transaction, so its links work once it is sent.
 */
export async function claimDeliveries(
  db: SqlDatabase,
  options: { now: Date; leaseUntil: Date; limit: number; tokenHash: (key: DeliveryKey) => string },
): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.all(
      `SELECT digest_id, subscriber_id, attempts FROM deliveries WHERE ${DUE} ORDER BY next_attempt_at, digest_id, subscriber_id LIMIT ?`,
      [tx.time(options.now), options.limit],
    );
    const claimed: { key: DeliveryKey; attempts: number }[] = [];
    for (const row of rows) {
      const key = { digestId: readString(row.digest_id), subscriberId: readString(row.subscriber_id) };
      const changed = await tx.run(
        `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
         WHERE digest_id = ? AND subscriber_id = ? AND ${DUE}`,
        [tx.time(options.leaseUntil), key.digestId, key.subscriberId, tx.time(options.now)],
      );
      if (changed !== 1) continue;
      await tx.run('INSERT INTO manage_tokens (token_hash, subscriber_id, created_at) VALUES (?, ?, ?)', [
        options.tokenHash(key),
        key.subscriberId,
        tx.time(options.now),
      ]);
      claimed.push({ key, attempts: readNumber(row.attempts) + 1 });
    }
    const subscribers = new Map(
      (
        await getSubscribers(
          tx,
          claimed.map((c) => c.key.subscriberId),
        )
      ).map((s) => [s.id, s]),
    );
    return claimed.flatMap(({ key, attempts }) => {
      const subscriber = subscribers.get(key.subscriberId);
      return subscriber ? [{ ...key, subscriber, attempts }] : [];
    });
  });
}

export async function markDelivered(db: SqlDatabase, key: DeliveryKey, at: Date): Promise<void> {
  await db.transaction((tx) =>
    tx.run("UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL WHERE digest_id = ? AND subscriber_id = ?", [
      tx.time(at),
      key.digestId,
      key.subscriberId,
    ]),
  );
}

export async function markDeliveryFailed(db: SqlDatabase, key: DeliveryKey, failure: FailedAttempt): Promise<void> {
  await db.transaction((tx) =>
    tx.run('UPDATE deliveries SET status = ?, next_attempt_at = ?, last_error = ? WHERE digest_id = ? AND subscriber_id = ?', [
      failure.retryAt ? 'pending' : 'failed',
      tx.time(failure.retryAt ?? failure.at),
      failure.error.slice(0, 500),
      key.digestId,
      key.subscriberId,
    ]),
  );
}

export async function deliveryStats(sql: SqlExecutor): Promise<DeliveryStats> {
  const count = async (query: string) => readNumber((await sql.all(query))[0]?.n);
  return {
    backlog: await count("SELECT COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'sending')"),
    failed: await count("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'failed'"),
    webhookBacklog: await count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status IN ('pending', 'sending')"),
    webhookFailed: await count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'failed'"),
    disabledWebhooks: await count('SELECT COUNT(*) AS n FROM webhooks WHERE disabled_at IS NOT NULL'),
  };
}

/**
 * A starting sender takes over every lease: with one sender per database, a lease still held can
 * only be one its killed predecessor left, and waiting it out would only delay those messages.
 */
export async function releaseLeases(db: SqlDatabase, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const emails = await tx.run("UPDATE deliveries SET status = 'pending', next_attempt_at = ? WHERE status = 'sending'", [tx.time(now)]);
    const hooks = await tx.run("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ? WHERE status = 'sending'", [
      tx.time(now),
    ]);
    return emails + hooks;
  });
}
