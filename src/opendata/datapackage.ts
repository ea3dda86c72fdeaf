import { CHECK_OUTCOMES, OUTCOME_WEIGHT } from '../domain/vocabulary.ts';
import type { Chain } from './chain.ts';

/**
 * The Frictionless Data package describing `/data/`: every daily file with its hash, one schema
 * for them all, and the chain. `failureOutcomes` lists the outcomes that count as the service
 * failing (the others: it answered, or the answer says more about the probe's path than the service).
 */
export function dataPackage(chain: Chain | null, site: { url: string; title: string }) {
  const schema = {
    fields: [
      { name: 'service', type: 'string', description: 'Service id, as in the catalogue and the site addresses' },
      { name: 'location', type: 'string', description: 'Id of the vantage point the check left from' },
      { name: 'time', type: 'datetime', format: 'default', description: 'When the check started (UTC)' },
      { name: 'outcome', type: 'string', constraints: { enum: [...CHECK_OUTCOMES] }, description: 'What came of the check' },
      { name: 'status_code', type: 'integer', description: 'HTTP status of the last answer, empty without one' },
      { name: 'latency_ms', type: 'integer', description: 'Time to the full answer in milliseconds, empty without one' },
      {
        name: 'probe_offline',
        type: 'boolean',
        description: 'The probe could not reach its own reference sites: this check says nothing about the service',
      },
    ],
    primaryKey: ['service', 'location', 'time'],
  };
  return {
    profile: 'data-package',
    name: 'vigie-checks',
    title: site.title,
    homepage: site.url,
    failureOutcomes: CHECK_OUTCOMES.filter((o) => OUTCOME_WEIGHT[o] === 'failure'),
    chain: 'chain.json',
    resources: (chain?.entries ?? []).map((entry) => ({
      name: `checks-${entry.day}`,
      path: entry.path,
      format: 'csv',
      compression: 'gz',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      hash: `sha256:${entry.sha256}`,
      schema,
    })),
  };
}
