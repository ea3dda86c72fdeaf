import type { Catalogue } from '../config/services-schema.ts';
import type { ServiceTracking } from '../domain/records.ts';
import type { Localized } from '../domain/vocabulary.ts';
import type { Store } from '../store/store.ts';

/**
 * Certificates that expire soon, for staff only (the dashboard; the probe's /metrics says the
 * same): the soonest expiry any location last saw for each service, under the threshold. Pure
 * from the trackings; citizens see nothing until a certificate actually fails a check.
 */

export interface CertificateWarning {
  serviceId: string;
  name: Localized;
  expiresAt: Date;
  /** Whole days left; negative once expired. */
  days: number;
  issuer: string | null;
}

const DAY_MS = 86_400_000;

export function certificateWarnings(
  catalogue: Pick<Catalogue, 'services'>,
  trackings: readonly ServiceTracking[],
  now: Date,
  warningDays: number,
): CertificateWarning[] {
  const soonest = new Map<string, ServiceTracking>();
  for (const t of trackings) {
    if (!t.tlsExpiresAt) continue;
    const known = soonest.get(t.serviceId)?.tlsExpiresAt;
    if (!known || t.tlsExpiresAt < known) soonest.set(t.serviceId, t);
  }
  return catalogue.services
    .flatMap((service): CertificateWarning[] => {
      const t = soonest.get(service.id);
      if (!t?.tlsExpiresAt) return [];
      const days = Math.floor((t.tlsExpiresAt.getTime() - now.getTime()) / DAY_MS);
      if (days >= warningDays) return [];
      return [{ serviceId: service.id, name: service.name, expiresAt: t.tlsExpiresAt, days, issuer: t.tlsIssuer ?? null }];
    })
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
}

export async function loadCertificateWarnings(
  ctx: { store: Pick<Store, 'listTrackings'>; catalogue: Pick<Catalogue, 'services'> },
  now: Date,
  warningDays: number,
): Promise<CertificateWarning[]> {
  return certificateWarnings(ctx.catalogue, await ctx.store.listTrackings(), now, warningDays);
}
