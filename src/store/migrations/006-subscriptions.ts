import type { Migration } from './migration.ts';

/**
 * Subscriptions and their delivery: subscribers (only what the personal-data page lists), pending
 * confirmations, the outbox of events written with what caused them, digests (events coalesced
 * into one message), and one delivery row per (digest, subscriber) so nothing is sent twice.
 */
function tables(t: { time: string; bool: string; json: string; seq: string }): string {
  return `
CREATE TABLE subscribers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  locale TEXT NOT NULL,
  all_services ${t.bool} NOT NULL,
  consented_at ${t.time} NOT NULL,
  updated_at ${t.time} NOT NULL
);

CREATE TABLE subscriber_services (
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  service_id TEXT NOT NULL,
  PRIMARY KEY (subscriber_id, service_id)
);
CREATE INDEX subscriber_services_service ON subscriber_services (service_id);

CREATE TABLE subscription_requests (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  locale TEXT NOT NULL,
  service_ids ${t.json},
  created_at ${t.time} NOT NULL,
  expires_at ${t.time} NOT NULL
);
CREATE INDEX subscription_requests_expiry ON subscription_requests (expires_at);

CREATE TABLE subscription_attempts (
  key TEXT NOT NULL,
  at ${t.time} NOT NULL
);
CREATE INDEX subscription_attempts_key ON subscription_attempts (key, at);

CREATE TABLE outbox_events (
  seq ${t.seq},
  id TEXT NOT NULL UNIQUE,
  dedupe_key TEXT UNIQUE,
  kind TEXT NOT NULL,
  service_ids ${t.json} NOT NULL,
  payload ${t.json} NOT NULL,
  occurred_at ${t.time} NOT NULL,
  state TEXT NOT NULL,
  digest_id TEXT
);
CREATE INDEX outbox_events_state ON outbox_events (state, occurred_at);

CREATE TABLE digests (
  id TEXT PRIMARY KEY,
  created_at ${t.time} NOT NULL
);

CREATE TABLE deliveries (
  digest_id TEXT NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at ${t.time} NOT NULL,
  last_error TEXT,
  sent_at ${t.time},
  PRIMARY KEY (digest_id, subscriber_id)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);

-- The manage and one-click links of each message sent (hashed). Several per subscriber: every
-- message's links keep working, also those of a message sent again after a crash.
CREATE TABLE manage_tokens (
  token_hash TEXT PRIMARY KEY,
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  created_at ${t.time} NOT NULL
);
CREATE INDEX manage_tokens_subscriber ON manage_tokens (subscriber_id);
CREATE INDEX manage_tokens_created ON manage_tokens (created_at);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  service_ids ${t.json},
  event_kinds ${t.json} NOT NULL,
  secret TEXT NOT NULL,
  created_at ${t.time} NOT NULL,
  created_by TEXT NOT NULL,
  failing_since ${t.time},
  disabled_at ${t.time}
);

CREATE TABLE webhook_deliveries (
  event_id TEXT NOT NULL,
  webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at ${t.time} NOT NULL,
  last_error TEXT,
  sent_at ${t.time},
  PRIMARY KEY (event_id, webhook_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
`;
}

export const subscriptions: Migration = {
  version: 6,
  name: 'subscriptions',
  sqlite: tables({ time: 'INTEGER', bool: 'INTEGER', json: 'TEXT', seq: 'INTEGER PRIMARY KEY' }),
  postgres: tables({ time: 'TIMESTAMPTZ', bool: 'BOOLEAN', json: 'JSONB', seq: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' }),
};
