import type { ClaimedDelivery, DeliveryKey, DeliveryStats, FailedAttempt } from '../../subscription-records.ts';
import { placeholders, readDate, readNumber, readString, type SqlDatabase, type SqlExecutor } from '../executor.ts';
import { getSubscribers } from './subscribers.ts';

const DUE = "status IN ('pending', 'sending') AND next_attempt_at <= ?";
/** Subscribers named in one statement at most (SQLite and PostgreSQL both take far more parameters). */
const KEYS_PER_STATEMENT = 500;

/**
 * Leases due messages: `sending` with the lease end as next attempt, so a sender killed mid-batch
 * leaves rows that come due again when their lease runs out, and nothing is lost. Each claimed
 * message gets its manage token (hashed) in the same transaction, so its links work once it is sent.
 * Read a status at a time along `deliveries_due` (status, next_attempt_at): each batch starts where
 * the rows still due begin, since leased rows have left them, instead of sorting every due row of a
 * 100,000-message wave for each batch (ties on the time come in index order, which SQLite keeps as
 * the rows were written).
 */
export async function claimDeliveries(
  db: SqlDatabase,
  options: { now: Date; leaseUntil: Date; limit: number; tokenHash: (key: DeliveryKey) => string },
): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const due = async (status: string) =>
      tx.all(
        'SELECT digest_id, subscriber_id, attempts, next_attempt_at FROM deliveries WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?',
        [status, tx.time(options.now), options.limit],
      );
    const rows = [...(await due('sending')), ...(await due('pending'))]
      .sort((a, b) => readDate(a.next_attempt_at).getTime() - readDate(b.next_attempt_at).getTime())
      .slice(0, options.limit);
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

/** Several messages the SMTP server accepted, recorded in one transaction. */
export async function markDelivered(db: SqlDatabase, keys: readonly DeliveryKey[], at: Date): Promise<void> {
  const byDigest = new Map<string, string[]>();
  for (const key of keys) byDigest.set(key.digestId, [...(byDigest.get(key.digestId) ?? []), key.subscriberId]);
  await db.transaction(async (tx) => {
    for (const [digestId, subscriberIds] of byDigest) {
      for (let i = 0; i < subscriberIds.length; i += KEYS_PER_STATEMENT) {
        const some = subscriberIds.slice(i, i + KEYS_PER_STATEMENT);
        await tx.run(
          `UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL WHERE digest_id = ? AND subscriber_id IN (${placeholders(some.length)})`,
          [tx.time(at), digestId, ...some],
        );
      }
    }
  });
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
