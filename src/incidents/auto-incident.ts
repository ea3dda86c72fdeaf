import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import { checkKindOf } from '../config/service-check.ts';
import type { Localized } from '../domain/vocabulary.ts';
import { locationReadings } from '../status/location-votes.ts';
import { quorumVerdict } from '../status/quorum.ts';
import type { OutageDecider, OutageFacts, OutageEvent, OutageObservation, ServiceTracking } from '../domain/records.ts';
import { rootDecision } from './root-cause.ts';

/**
 * The automatic incident follows the published probe verdict, not one location: it opens when a
 * quorum of trusted locations confirm the service down and no automatic incident is open, and it
 * resolves once the verdict is conclusive and not down. Pure: the store runs it under the
 * service's lock, so however many probes report at once, one incident opens. It records what the
 * probes saw, never words: those are rendered when read (`i18n/probe-words.ts`).
 * Once per transition of the published verdict, whatever order late results come in: a decision
 * dated before the last automatic incident's resolution opens nothing (that time was told), and
 * one dated before the open incident's start resolves nothing.
 */
export function autoIncidentDecider(
  service: ServiceConfig,
  locations: readonly LocationConfig[],
  now: Date,
  links: DependencyLinks = NO_LINKS,
): OutageDecider {
  const decide: OutageDecider = (facts) => decideAutoIncident(service, locations, now, facts, links);
  if (links.upstreams.length > 0) decide.upstreamIds = links.upstreams.map((u) => u.id);
  return decide;
}

/** A service's place among dependencies: what it depends on, and which services depend on it. */
export interface DependencyLinks {
  upstreams: ServiceConfig[];
  dependents: string[];
}

const NO_LINKS: DependencyLinks = { upstreams: [], dependents: [] };

export function decideAutoIncident(
  service: ServiceConfig,
  locations: readonly LocationConfig[],
  now: Date,
  facts: OutageFacts,
  links: DependencyLinks = NO_LINKS,
): OutageEvent | null {
  const through = links.dependents.length > 0 ? { dependents: links.dependents } : {};
  const readings = locationReadings(service, facts.trackings, { locations, heartbeats: facts.heartbeats, nowMs: now.getTime() });
  const verdict = quorumVerdict(readings, service.detection.quorum);
  const told = facts.lastResolvedAt != null && facts.lastResolvedAt.getTime() >= now.getTime();
  if (verdict.state === 'down' && facts.openIncident === null && !told) {
    const witnesses = facts.trackings.filter((t) => verdict.downAt.includes(t.location));
    const startedAt = new Date(Math.min(...witnesses.map((t) => t.since.getTime())));
    const root = rootDecision({
      upstreams: links.upstreams,
      facts: facts.upstreams ?? [],
      locations,
      heartbeats: facts.heartbeats,
      outageStartedAt: startedAt,
      now,
    });
    if (root.kind === 'join') return { type: 'outage_joined', serviceId: service.id, rootIncidentId: root.rootIncidentId };
    if (root.kind === 'wait') return null;
    const names = readings.filter((r) => verdict.downAt.includes(r.location) && r.name).map((r) => r.name as Localized);
    return { type: 'outage_opened', serviceId: service.id, startedAt, observed: observation(service, witnesses, names), ...through };
  }
  const after = facts.openIncident !== null && facts.openIncident.startedAt.getTime() <= now.getTime();
  if (facts.openIncident !== null && after && verdict.state !== 'down' && verdict.state !== 'unknown') {
    return { type: 'outage_resolved', serviceId: service.id, resolvedAt: now, domain: siteDomain(service.url), ...through };
  }
  return null;
}

function observation(service: ServiceConfig, witnesses: ServiceTracking[], locations: Localized[]): OutageObservation {
  const witness = witnesses.find((t) => t.lastOutcome !== null);
  const stepNumber = witness?.lastStep ?? null;
  const step = service.check?.kind === 'journey' && stepNumber !== null ? service.check.steps[stepNumber - 1] : undefined;
  return {
    outcome: witness?.lastOutcome ?? 'timeout',
    checkKind: checkKindOf(service),
    step: step && stepNumber !== null ? { number: stepNumber, name: step.name } : null,
    domain: siteDomain(service.url),
    locations,
  };
}

/** The host citizens know a site by: `https://www.senat.fr/` is « senat.fr ». */
export function siteDomain(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
