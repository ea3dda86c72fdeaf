import type { Migration } from './migration.ts';

/**
 * A fencing token per lease: bumped each time a process takes a service's lease (free, given back
 * or expired), never when the holder renews it. Every write of a check carries the epoch it was
 * made under; one made under an epoch that is no longer the row's (a process paused or cut off
 * past its lease while another took the service) is kept as history and changes nothing.
 */
const statements = `
ALTER TABLE service_leases ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
`;

export const leaseEpochs: Migration = {
  version: 40,
  name: 'lease-epochs',
  sqlite: statements,
  postgres: statements,
};
