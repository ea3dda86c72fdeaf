import { LOCALES, type Locale } from '../../../domain/vocabulary.ts';
import { newId } from '../../ids.ts';
import type { Subscriber, SubscriptionRequest } from '../../subscription-records.ts';
import {
  json,
  placeholders,
  readBool,
  readDate,
  readJson,
  readNumber,
  readOneOf,
  readString,
  type SqlDatabase,
  type SqlExecutor,
} from '../executor.ts';

export async function recordAttempt(db: SqlDatabase, key: string, at: Date): Promise<void> {
  await db.transaction((tx) => tx.run('INSERT INTO subscription_attempts (key, at) VALUES (?, ?)', [key, tx.time(at)]));
}

export async function countAttempts(sql: SqlExecutor, key: string, since: Date): Promise<number> {
  const rows = await sql.all('SELECT COUNT(*) AS n FROM subscription_attempts WHERE key = ? AND at >= ?', [key, sql.time(since)]);
  return readNumber(rows[0]?.n);
}

export async function addRequest(db: SqlDatabase, r: SubscriptionRequest): Promise<void> {
  await db.transaction((tx) =>
    tx.run('INSERT INTO subscription_requests (token_hash, email, locale, service_ids, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      r.tokenHash,
      r.email,
      r.locale,
      json(r.serviceIds),
      tx.time(r.createdAt),
      tx.time(r.expiresAt),
    ]),
  );
}

/** Case-insensitive identity of an address: one subscriber per mailbox, whatever the spelling. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export async function confirmRequest(db: SqlDatabase, tokenHash: string, at: Date): Promise<Subscriber | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.all('SELECT * FROM subscription_requests WHERE token_hash = ? AND expires_at > ?', [tokenHash, tx.time(at)]);
    const request = rows[0];
    if (!request) return null;
    // The delete decides between two confirmations racing on one token: only one changes a row.
    if ((await tx.run('DELETE FROM subscription_requests WHERE token_hash = ?', [tokenHash])) !== 1) return null;
    const email = readString(request.email);
    const serviceIds = readJson<string[] | null>(request.service_ids);
    await tx.run(
      `INSERT INTO subscribers (id, email, email_key, locale, all_services, consented_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, locale = excluded.locale,
         all_services = excluded.all_services, consented_at = excluded.consented_at, updated_at = excluded.updated_at`,
      [newId(), email, emailKey(email), readString(request.locale), tx.bool(serviceIds === null), tx.time(at), tx.time(at)],
    );
    const id = readString((await tx.all('SELECT id FROM subscribers WHERE email_key = ?', [emailKey(email)]))[0]?.id);
    await replaceServices(tx, id, serviceIds);
    return mustGet(tx, id);
  });
}

export async function subscriberByToken(sql: SqlExecutor, tokenHash: string): Promise<Subscriber | null> {
  const rows = await sql.all('SELECT subscriber_id FROM manage_tokens WHERE token_hash = ?', [tokenHash]);
  return rows[0] ? getSubscriber(sql, readString(rows[0].subscriber_id)) : null;
}

export async function updateSubscriber(
  db: SqlDatabase,
  id: string,
  change: { locale: Locale; serviceIds: string[] | null; at: Date },
): Promise<Subscriber | null> {
  return db.transaction(async (tx) => {
    const changed = await tx.run('UPDATE subscribers SET locale = ?, all_services = ?, updated_at = ? WHERE id = ?', [
      change.locale,
      tx.bool(change.serviceIds === null),
      tx.time(change.at),
      id,
    ]);
    if (changed === 0) return null;
    await replaceServices(tx, id, change.serviceIds);
    return mustGet(tx, id);
  });
}

export async function deleteSubscriber(db: SqlDatabase, id: string): Promise<boolean> {
  return db.transaction(async (tx) => (await tx.run('DELETE FROM subscribers WHERE id = ?', [id])) === 1);
}

export async function countSubscribers(sql: SqlExecutor): Promise<number> {
  return readNumber((await sql.all('SELECT COUNT(*) AS n FROM subscribers'))[0]?.n);
}

export async function getSubscriber(sql: SqlExecutor, id: string): Promise<Subscriber | null> {
  return (await getSubscribers(sql, [id]))[0] ?? null;
}

/** Subscribers by id with their services, in two queries whatever the count. */
export async function getSubscribers(sql: SqlExecutor, ids: readonly string[]): Promise<Subscriber[]> {
  if (ids.length === 0) return [];
  const rows = await sql.all(`SELECT * FROM subscribers WHERE id IN (${placeholders(ids.length)})`, [...ids]);
  const services = await sql.all(
    `SELECT subscriber_id, service_id FROM subscriber_services WHERE subscriber_id IN (${placeholders(ids.length)}) ORDER BY service_id`,
    [...ids],
  );
  const byId = new Map<string, string[]>();
  for (const s of services) {
    const list = byId.get(readString(s.subscriber_id)) ?? [];
    list.push(readString(s.service_id));
    byId.set(readString(s.subscriber_id), list);
  }
  return rows.map((row) => {
    const id = readString(row.id);
    return {
      id,
      email: readString(row.email),
      locale: readOneOf(row.locale, LOCALES, 'subscribers.locale'),
      serviceIds: readBool(row.all_services) ? null : (byId.get(id) ?? []),
      consentedAt: readDate(row.consented_at),
      updatedAt: readDate(row.updated_at),
    };
  });
}

async function replaceServices(tx: SqlExecutor, id: string, serviceIds: readonly string[] | null): Promise<void> {
  await tx.run('DELETE FROM subscriber_services WHERE subscriber_id = ?', [id]);
  for (const serviceId of new Set(serviceIds ?? [])) {
    await tx.run('INSERT INTO subscriber_services (subscriber_id, service_id) VALUES (?, ?)', [id, serviceId]);
  }
}

async function mustGet(sql: SqlExecutor, id: string): Promise<Subscriber> {
  const subscriber = await getSubscriber(sql, id);
  if (!subscriber) throw new Error(`Subscriber "${id}" vanished inside its own transaction`);
  return subscriber;
}

export async function pruneSubscriptions(
  db: SqlDatabase,
  options: { now: Date; attemptsBefore: Date; digestsBefore: Date; tokensBefore: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM subscription_requests WHERE expires_at <= ?', [tx.time(options.now)]);
    await tx.run('DELETE FROM subscription_attempts WHERE at < ?', [tx.time(options.attemptsBefore)]);
    await tx.run('DELETE FROM digests WHERE created_at < ?', [tx.time(options.digestsBefore)]);
    await tx.run('DELETE FROM manage_tokens WHERE created_at < ?', [tx.time(options.tokensBefore)]);
    // An event goes with its digest (or alone when folded), never while a message still needs it.
    await tx.run(
      `DELETE FROM outbox_events WHERE state <> 'pending' AND occurred_at < ?
       AND (digest_id IS NULL OR NOT EXISTS (SELECT 1 FROM digests d WHERE d.id = outbox_events.digest_id))`,
      [tx.time(options.digestsBefore)],
    );
    await tx.run(
      'DELETE FROM webhook_deliveries WHERE NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.id = webhook_deliveries.event_id)',
    );
  });
}
