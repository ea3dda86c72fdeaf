import type { CheckResult } from '../domain/records.ts';

/**
 * One line per check result of the daily open-data files: which service, from where, when, what
 * came of it. Nothing personal and nothing the probe only notes for staff (no details, no final
 * address): the columns are those `datapackage.json` describes.
 */
export const CHECK_COLUMNS = ['service', 'location', 'time', 'outcome', 'status_code', 'latency_ms', 'probe_offline'] as const;

export const CHECK_HEADER = `${CHECK_COLUMNS.join(',')}\n`;

export function checkLine(result: CheckResult): string {
  return [
    result.serviceId,
    result.location,
    result.startedAt.toISOString(),
    result.outcome,
    result.httpStatus ?? '',
    result.latencyMs === null ? '' : Math.round(result.latencyMs),
    result.probeOffline ? 'true' : 'false',
  ].join(',');
}
