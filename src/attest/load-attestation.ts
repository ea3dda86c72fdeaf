import type { Catalogue, ServiceConfig } from '../config/services-schema.ts';
import type { Incident } from '../domain/incident-records.ts';
import { CHECK_OUTCOMES, OUTCOME_WEIGHT } from '../domain/vocabulary.ts';
import type { Store } from '../store/store.ts';
import { attest, type Attestation } from './attestation.ts';
import type { SigningKey } from './signing-key.ts';

const FAILURES = CHECK_OUTCOMES.filter((o) => OUTCOME_WEIGHT[o] === 'failure');

export interface AttestationSources {
  store: Pick<Store, 'getIncident' | 'tallyFailures'>;
  catalogue: Pick<Catalogue, 'services' | 'locations' | 'operator'>;
  publicUrl: string;
  signingKey: Promise<SigningKey>;
}

export interface AttestationView {
  attestation: Attestation;
  incident: Incident;
  service: ServiceConfig;
  key: SigningKey;
}

/**
 * The attestation of a service's automatic incident, or null when there is none to give: no
 * such service or incident, an incident that is not that service's outage, or facts that do not
 * make one (see `attest`). The facts are the incident's failed checks, until now while it lasts.
 */
export async function loadAttestation(
  sources: AttestationSources,
  ids: { serviceId: string; incidentId: string },
  now: Date,
): Promise<AttestationView | null> {
  const service = sources.catalogue.services.find((s) => s.id === ids.serviceId);
  if (!service) return null;
  const incident = await sources.store.getIncident(ids.incidentId);
  if (!incident) return null;
  const [failures, key] = await Promise.all([
    sources.store.tallyFailures({ serviceId: service.id, from: incident.startedAt, to: incident.resolvedAt ?? now, outcomes: FAILURES }),
    sources.signingKey,
  ]);
  const attestation = attest({
    incident,
    service,
    locations: sources.catalogue.locations,
    failures,
    issuer: { url: sources.publicUrl, publisher: sources.catalogue.operator?.publisher?.name ?? null, keyFingerprint: key.fingerprint },
  });
  return 'refused' in attestation ? null : { attestation, incident, service, key };
}
