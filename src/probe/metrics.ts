import { BLIND_REASONS, type BlindReason } from './blindness.ts';
import { CHECK_OUTCOMES, SERVICE_STATES, type CheckKind, type CheckOutcome, type ServiceState } from '../domain/vocabulary.ts';
import { LATENCY_BUCKETS_MS, type CheckResult } from '../domain/records.ts';
import { SWALLOWED_ERROR_KINDS, type SwallowedErrorKind } from './swallowed-errors.ts';
import { STORE_WRITE_STATES } from './store-write-health.ts';
import { LEASE_STORE_STATES, type LeaseStoreState } from './lease-keeper.ts';
import type { BufferStats } from './write-buffer.ts';
import { certificateLines, createCertificateGauges, type CertificateOptions } from './certificate-metrics.ts';

/**
 * The probe's counters and their Prometheus text rendering. The format is small enough to write by
 * hand (https://prometheus.io/docs/instrumenting/exposition_formats/), which keeps the probe free of
 * a metrics library's global registry. Every sample carries the probe's `location` label, so one
 * Prometheus can scrape the probes of every vantage point and tell them apart.
 */
const LAG_BUCKETS_MS = [10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000] as const;

interface Histogram {
  bounds: readonly number[];
  counts: number[];
  sum: number;
  count: number;
}

function histogram(bounds: readonly number[]): Histogram {
  return { bounds, counts: bounds.map(() => 0), sum: 0, count: 0 };
}

function observe(h: Histogram, value: number): void {
  h.bounds.forEach((bound, i) => {
    if (value <= bound) h.counts[i]! += 1;
  });
  h.sum += value;
  h.count += 1;
}

export interface ProbeMetrics {
  observeCheck(result: CheckResult): void;
  observeLag(lagMs: number): void;
  render(gauges: MetricGauges): string;
  checksTotal(): number;
}

export interface MetricGauges {
  states: Record<ServiceState, number>;
  canariesHealthy: boolean;
  lagP99Ms: number;
  swallowed: Record<SwallowedErrorKind, number>;
  buffer: BufferStats;
  /** Why the probe checks nothing, or null while it checks. */
  blind: BlindReason | null;
  /** The store's clock minus this process's (ms); null when not measured (SQLite: one clock). */
  clockSkewMs: number | null;
  /** How lease renewals reach the store; null without leases. */
  leaseStore: LeaseStoreState | null;
}

export interface MetricsOptions extends CertificateOptions {
  /** Each service's kind of check, for the `kind` label; `http` for one it does not know (canaries). */
  kindOf: (serviceId: string) => CheckKind;
}

const ANY_KIND: MetricsOptions = { kindOf: () => 'http', warningDays: 14, now: Date.now };

export function createProbeMetrics(location: string, options: MetricsOptions = ANY_KIND): ProbeMetrics {
  const where = `location="${location}"`;
  const family = (name: string, type: string, help: string, samples: [string, number][]) =>
    familyLines(
      name,
      type,
      help,
      samples.map(([labels, v]) => [labels ? `${where},${labels}` : where, v]),
    );
  const histogramLines = (name: string, help: string, h: Histogram) => histogramText(name, help, h, where);
  const zero = () => Object.fromEntries(CHECK_OUTCOMES.map((o) => [o, 0])) as Record<CheckOutcome, number>;
  // Kinds appear once checked, so a catalogue of web pages alone keeps its metrics as they were.
  const byKind = new Map<CheckKind, Record<CheckOutcome, number>>([['http', zero()]]);
  const certificates = createCertificateGauges(options);
  const latency = histogram(LATENCY_BUCKETS_MS);
  const lag = histogram(LAG_BUCKETS_MS);
  let offline = 0;
  return {
    observeCheck(result) {
      const kind = options.kindOf(result.serviceId);
      const counts = byKind.get(kind) ?? zero();
      byKind.set(kind, counts);
      counts[result.outcome] += 1;
      certificates.observe(result);
      if (result.probeOffline) offline += 1;
      if (result.latencyMs !== null) observe(latency, result.latencyMs);
    },
    observeLag: (ms) => observe(lag, ms),
    checksTotal: () => [...byKind.values()].reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0),
    render(gauges) {
      return (
        [
          ...family(
            'vigie_probe_checks_total',
            'counter',
            'Checks by kind of check and outcome.',
            [...byKind].flatMap(([kind, counts]) =>
              CHECK_OUTCOMES.map((o): [string, number] => [`kind="${kind}",outcome="${o}"`, counts[o]]),
            ),
          ),
          ...certificateLines(certificates, family),
          ...family('vigie_probe_probe_offline_results_total', 'counter', 'Results stored as probe-offline.', [['', offline]]),
          ...histogramLines('vigie_probe_check_latency_seconds', 'Check duration, DNS to last body byte.', latency),
          ...histogramLines('vigie_probe_scheduler_lag_seconds', 'Check start minus its due time.', lag),
          ...family('vigie_probe_scheduler_lag_p99_seconds', 'gauge', 'p99 of the recent scheduler lags.', [['', gauges.lagP99Ms / 1000]]),
          ...family(
            'vigie_probe_services',
            'gauge',
            'Services by state.',
            SERVICE_STATES.map((s) => [`state="${s}"`, gauges.states[s]]),
          ),
          ...family('vigie_probe_canaries_healthy', 'gauge', '1 when the probe trusts its own network.', [
            ['', gauges.canariesHealthy ? 1 : 0],
          ]),
          ...family(
            'vigie_probe_swallowed_errors_total',
            'counter',
            'Errors survived and counted instead of crashing.',
            SWALLOWED_ERROR_KINDS.map((k) => [`kind="${k}"`, gauges.swallowed[k]]),
          ),
          ...family(
            'vigie_probe_blind',
            'gauge',
            '1 for the reason the probe checks nothing (no lease while services are due, nothing checked for an interval, clock skew).',
            BLIND_REASONS.map((r) => [`reason="${r}"`, gauges.blind === r ? 1 : 0]),
          ),
          ...(gauges.clockSkewMs === null
            ? []
            : family('vigie_probe_clock_skew_seconds', 'gauge', "The store's clock minus this process's.", [
                ['', gauges.clockSkewMs / 1000],
              ])),
          ...family('vigie_probe_buffer_results', 'gauge', 'Results waiting in memory for the store.', [['', gauges.buffer.size]]),
          ...family('vigie_probe_buffer_capacity', 'gauge', 'Results the buffer holds at most.', [['', gauges.buffer.capacity]]),
          ...family('vigie_probe_buffer_dropped_total', 'counter', 'Results dropped because the buffer was full.', [
            ['', gauges.buffer.dropped],
          ]),
          ...family('vigie_probe_buffer_rejected_total', 'counter', 'Buffered results the store refused while answering.', [
            ['', gauges.buffer.rejected],
          ]),
          ...family(
            'vigie_probe_store_writes',
            'gauge',
            'How writes go: 1 for the current state (slow: one unanswered past its deadline).',
            STORE_WRITE_STATES.map((state) => [`state="${state}"`, gauges.buffer.store === state ? 1 : 0]),
          ),
          ...(gauges.leaseStore === null
            ? []
            : family(
                'vigie_probe_store_leases',
                'gauge',
                'How lease renewals go: 1 for the current state (slow: the last one failed on a deadline).',
                LEASE_STORE_STATES.map((state) => [`state="${state}"`, gauges.leaseStore === state ? 1 : 0]),
              )),
          ...family('vigie_probe_buffer_written_total', 'counter', 'Buffered results written once the store answered.', [
            ['', gauges.buffer.written],
          ]),
        ].join('\n') + '\n'
      );
    },
  };
}

function familyLines(name: string, type: string, help: string, samples: [string, number][]): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...samples.map(([labels, v]) => `${name}${labels ? `{${labels}}` : ''} ${v}`),
  ];
}

function histogramText(name: string, help: string, h: Histogram, where: string): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} histogram`,
    ...h.bounds.map((bound, i) => `${name}_bucket{${where},le="${bound / 1000}"} ${h.counts[i]}`),
    `${name}_bucket{${where},le="+Inf"} ${h.count}`,
    `${name}_sum{${where}} ${h.sum / 1000}`,
    `${name}_count{${where}} ${h.count}`,
  ];
}
