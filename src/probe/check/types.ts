import type { ServiceConfig } from '../../config/services-schema.ts';
import type { CheckResult } from '../../domain/records.ts';

/** One check of one service. Never throws: every failure comes back as a `CheckResult`. */
export type Checker = (
  service: ServiceConfig,
  context: { location: string; probeOffline?: boolean; signal?: AbortSignal },
) => Promise<CheckResult>;
