import type { ServiceConfig } from '../config/services-schema.ts';
import type { Store } from '../store/store.ts';
import type { Checker } from './check/types.ts';

/**
 * For a service Vigie checks and also reads from its own status page (catalogue `check` and
 * `upstream`): one reading of that page, kept apart from the check's result so it never makes the
 * published state. A page that cannot be read teaches nothing: the last reading goes stale.
 */
export async function readUpstream(
  deps: { checker: Checker; store: Pick<Store, 'recordUpstreamReading'>; location: string; signal: AbortSignal },
  service: ServiceConfig,
): Promise<void> {
  if (!service.upstream) return;
  const read = await deps.checker({ ...service, check: service.upstream }, { location: deps.location, signal: deps.signal });
  if (deps.signal.aborted || read.outcome === 'upstream_unreadable') return;
  await deps.store.recordUpstreamReading({ serviceId: service.id, outcome: read.outcome, checkedAt: read.startedAt });
}
