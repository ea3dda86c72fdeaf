import type { Migration } from './migration.ts';

/**
 * Each probe writes, with its heartbeat, what the "about the probes" page tells agencies (its
 * User-Agent, its cap of requests at a time per site), so the web process describes the probes
 * from what they said instead of from its own environment. Heartbeats written before stay
 * without them until their probe's next heartbeat.
 */
const statements = `
ALTER TABLE probe_heartbeats ADD COLUMN user_agent TEXT;
ALTER TABLE probe_heartbeats ADD COLUMN per_host INTEGER;
`;

export const probeSelfDescription: Migration = { version: 9, name: 'probe-self-description', sqlite: statements, postgres: statements };
