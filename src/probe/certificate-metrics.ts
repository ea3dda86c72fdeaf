import type { CheckResult } from '../domain/records.ts';

/**
 * The certificates the probe has seen, for `/metrics`: days until each one expires, and how many
 * expire within the warning threshold (`VIGIE_TLS_WARNING_DAYS`), so operators are warned while the
 * service still works. Citizens see nothing of it until a certificate actually fails.
 */

export interface CertificateOptions {
  /** Days under which a certificate counts as expiring soon. */
  warningDays: number;
  now: () => number;
}

export interface CertificateGauges {
  observe(result: CheckResult): void;
  /** Days until expiry per service (negative once expired), by service id. */
  days(): [serviceId: string, days: number][];
  warningDays: number;
}

const DAY_MS = 86_400_000;

export function createCertificateGauges(options: CertificateOptions): CertificateGauges {
  const expiries = new Map<string, Date>();
  return {
    observe(result) {
      if (result.tlsExpiresAt !== null) expiries.set(result.serviceId, result.tlsExpiresAt);
    },
    days: () =>
      [...expiries]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([serviceId, expiresAt]) => [serviceId, Math.floor((expiresAt.getTime() - options.now()) / DAY_MS)]),
    warningDays: options.warningDays,
  };
}

type Family = (name: string, type: string, help: string, samples: [string, number][]) => string[];

/** Service ids are catalogue slugs: nothing to escape in a label value. */
export function certificateLines(gauges: CertificateGauges, family: Family): string[] {
  const days = gauges.days();
  return [
    ...family(
      'vigie_probe_tls_expiry_days',
      'gauge',
      'Whole days until the certificate last seen for each service expires.',
      days.map(([service, d]) => [`service="${service}"`, d]),
    ),
    ...family('vigie_probe_tls_expiring_services', 'gauge', 'Services whose certificate expires within the warning threshold.', [
      ['', days.filter(([, d]) => d < gauges.warningDays).length],
    ]),
    ...family('vigie_probe_tls_warning_days', 'gauge', 'The warning threshold, in days (VIGIE_TLS_WARNING_DAYS).', [
      ['', gauges.warningDays],
    ]),
  ];
}
