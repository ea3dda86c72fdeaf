import type { Migration } from './migration.ts';

/**
 * What checks beyond one GET record: the certificate's issuer next to its expiry (every HTTPS or
 * TLS check), and the journey step that failed. Each location's tracking keeps the last step and
 * the last certificate seen, so the service page names the step and staff see an expiry coming
 * without reading raw results. Rows written before stay without them (null).
 */
function statements(time: string): string {
  return `
ALTER TABLE check_results ADD COLUMN tls_issuer TEXT;
ALTER TABLE check_results ADD COLUMN step INTEGER;
ALTER TABLE service_tracking ADD COLUMN last_step INTEGER;
ALTER TABLE service_tracking ADD COLUMN tls_expires_at ${time};
ALTER TABLE service_tracking ADD COLUMN tls_issuer TEXT;
`;
}

export const checkFacts: Migration = {
  version: 33,
  name: 'check-facts',
  sqlite: statements('INTEGER'),
  postgres: statements('TIMESTAMPTZ'),
};
