import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import type { FailureTally } from '../domain/records.ts';
import type { Incident } from '../domain/incident-records.ts';
import type { Draft } from '../domain/vocabulary.ts';
import { canonicalJson, type CanonicalValue } from './canonical-json.ts';

/**
 * An attestation of unavailability: what the published verdict called an outage, in facts a
 * third party can check. Only an automatic incident is one (the probes' verdict, quorum included);
 * its facts are the failed checks of the locations that trusted their own network. Pure: the
 * same facts give the same bytes, which the signature covers.
 */
export const ATTESTATION_FORMAT = 'vigie-attestation-of-unavailability/1';

export const ATTESTATION_REFUSALS = ['not_an_outage', 'no_failed_checks', 'no_quorum'] as const;
export type AttestationRefusal = (typeof ATTESTATION_REFUSALS)[number];

export interface AttestationFacts {
  incident: Incident;
  service: Pick<ServiceConfig, 'id' | 'name' | 'url' | 'detection'>;
  locations: readonly Pick<LocationConfig, 'id' | 'name'>[];
  /** Failed checks within the outage, from `Store.tallyFailures`. */
  failures: readonly FailureTally[];
  issuer: { url: string; publisher: string | null; keyFingerprint: string };
}

export interface LocationWitness {
  id: string;
  name: { fr: string; en: string } | null;
  failedChecks: number;
  first: Date;
  last: Date;
  outcomes: Record<string, number>;
}

export interface Attestation {
  status: 'confirmed' | 'in_progress';
  firstFailedCheck: Date;
  lastFailedCheck: Date;
  witnesses: LocationWitness[];
  notices: { at: Date; text: Draft }[];
  /** The canonical JSON the signature covers. */
  json: string;
}

export function attest(facts: AttestationFacts): Attestation | { refused: AttestationRefusal } {
  const { incident, service } = facts;
  if (incident.kind !== 'auto' || incident.serviceId !== service.id) return { refused: 'not_an_outage' };
  const witnesses = witnessesOf(facts);
  if (witnesses.length === 0) return { refused: 'no_failed_checks' };
  if (witnesses.length < (service.detection.quorum ?? 1)) return { refused: 'no_quorum' };
  const firstFailedCheck = new Date(Math.min(...witnesses.map((w) => w.first.getTime())));
  const lastFailedCheck = new Date(Math.max(...witnesses.map((w) => w.last.getTime())));
  const status = incident.resolvedAt ? 'confirmed' : 'in_progress';
  const notices = incident.updates.filter((u) => u.author !== 'probe').map((u) => ({ at: u.createdAt, text: u.body }));
  const content: CanonicalValue = {
    format: ATTESTATION_FORMAT,
    issuer: { url: facts.issuer.url, publisher: facts.issuer.publisher, key: facts.issuer.keyFingerprint },
    service: { id: service.id, name: { fr: service.name.fr, en: service.name.en }, url: service.url },
    incident: { id: incident.id, startedAt: incident.startedAt.toISOString(), resolvedAt: incident.resolvedAt?.toISOString() ?? null },
    status,
    window: { firstFailedCheck: firstFailedCheck.toISOString(), lastFailedCheck: lastFailedCheck.toISOString() },
    locations: witnesses.map((w) => ({
      id: w.id,
      name: w.name,
      failedChecks: w.failedChecks,
      first: w.first.toISOString(),
      last: w.last.toISOString(),
      outcomes: w.outcomes,
    })),
    notices: notices.map((n) => ({ at: n.at.toISOString(), fr: n.text.fr, en: n.text.en })),
  };
  return { status, firstFailedCheck, lastFailedCheck, witnesses, notices, json: canonicalJson(content) };
}

function witnessesOf(facts: AttestationFacts): LocationWitness[] {
  const byLocation = new Map<string, LocationWitness>();
  for (const tally of facts.failures) {
    const known = facts.locations.find((l) => l.id === tally.location);
    const witness = byLocation.get(tally.location) ?? {
      id: tally.location,
      name: known ? { fr: known.name.fr, en: known.name.en } : null,
      failedChecks: 0,
      first: tally.first,
      last: tally.last,
      outcomes: {},
    };
    witness.failedChecks += tally.count;
    witness.outcomes[tally.outcome] = (witness.outcomes[tally.outcome] ?? 0) + tally.count;
    if (tally.first < witness.first) witness.first = tally.first;
    if (tally.last > witness.last) witness.last = tally.last;
    byLocation.set(tally.location, witness);
  }
  return [...byLocation.values()].sort((a, b) => a.id.localeCompare(b.id));
}
