import type { Migration } from './migration.ts';

/**
 * Sign-in attempts are reserved before they are evaluated (so parallel guesses count), and a
 * throttled or successful attempt takes its reservation back by id. Login failures and the audit
 * log are pruned by age, which needs their time indexed.
 */
const script = `
ALTER TABLE login_failures ADD COLUMN attempt TEXT;
CREATE INDEX login_failures_attempt ON login_failures (attempt);
CREATE INDEX login_failures_at ON login_failures (at);
CREATE INDEX audit_log_at ON audit_log (at);
`;

export const boundedAuthRows: Migration = { version: 2, name: 'bounded-auth-rows', sqlite: script, postgres: script };
