import { describe, expect, it } from 'vitest';
import { createProbeMetrics, type MetricGauges } from '../../src/probe/metrics.ts';
import { createSwallowedErrors } from '../../src/probe/swallowed-errors.ts';
import { checkResult } from '../support/records.ts';

const NOW = Date.parse('2026-03-10T10:00:00Z');
const DAY = 86_400_000;
const gauges: MetricGauges = {
  states: { operational: 0, degraded: 0, down: 0, maintenance: 0, unknown: 0 },
  canariesHealthy: true,
  lagP99Ms: 0,
  swallowed: createSwallowedErrors({ log: () => undefined }).counts(),
  buffer: { size: 0, capacity: 10, dropped: 0, rejected: 0, written: 0, oldestAt: null, store: 'ok', storeSince: null, lastError: null },
  blind: null,
  clockSkewMs: null,
  leaseStore: null,
};

describe('/metrics for checks beyond one GET', () => {
  it('counts checks by kind, and shows days until each certificate expires with those under the threshold', () => {
    const kinds: Record<string, 'dns' | 'tcp' | 'http'> = { 'dns-caf': 'dns', smtp: 'tcp' };
    const metrics = createProbeMetrics('paris', { kindOf: (id) => kinds[id] ?? 'http', warningDays: 14, now: () => NOW });
    metrics.observeCheck(checkResult({ serviceId: 'dns-caf', outcome: 'dns_servfail' }));
    metrics.observeCheck(checkResult({ serviceId: 'smtp', tlsExpiresAt: new Date(NOW + 5 * DAY + 1000) }));
    metrics.observeCheck(checkResult({ serviceId: 'ameli', tlsExpiresAt: new Date(NOW + 90 * DAY) }));
    const text = metrics.render(gauges);
    expect(text).toContain('vigie_probe_checks_total{location="paris",kind="http",outcome="ok"} 1\n');
    expect(text).toContain('vigie_probe_checks_total{location="paris",kind="dns",outcome="dns_servfail"} 1\n');
    expect(text).toContain('vigie_probe_checks_total{location="paris",kind="tcp",outcome="ok"} 1\n');
    expect(text).not.toContain('kind="journey"');
    expect(text).toContain('vigie_probe_tls_expiry_days{location="paris",service="smtp"} 5\n');
    expect(text).toContain('vigie_probe_tls_expiry_days{location="paris",service="ameli"} 90\n');
    expect(text).toContain('vigie_probe_tls_expiring_services{location="paris"} 1\n');
    expect(text).toContain('vigie_probe_tls_warning_days{location="paris"} 14\n');
    expect(metrics.checksTotal()).toBe(3);
  });
});
