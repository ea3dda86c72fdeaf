import { z } from 'zod';
import type { CheckOutcome } from '../../domain/vocabulary.ts';
import { createGuardedAgent, type ConnectionRecord } from '../../net/guarded-agent.ts';
import type { CheckEnv, KindCheck, Measured } from './check-env.ts';
import { followRedirects, type HopTrail } from './follow-redirects.ts';
import { explainFailure, policyFor } from './http-check.ts';
import { request } from './http-request.ts';
import { readCappedBody } from './read-body.ts';

/**
 * Another status page's own word about one of its components (Statuspage v2 `summary.json`: an
 * Atlassian or Instatus page, or another Vigie). Fetched like an HTTP check (same address policy,
 * deadline, redirect and body limits); what it says is a reading, never a measurement of ours. A
 * page that cannot be read, or no longer lists the component, teaches nothing: the service goes
 * stale, then unknown, as with any reading that stops.
 */

const summarySchema = z.object({
  components: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() }).loose()).max(10_000),
});

const FROM_STATUS: Record<string, CheckOutcome> = {
  operational: 'ok',
  degraded_performance: 'upstream_degraded',
  partial_outage: 'upstream_degraded',
  major_outage: 'upstream_down',
  under_maintenance: 'upstream_maintenance',
};

/** The component's outcome from the page's JSON text (pure: the fetching is below). */
export function readComponent(text: string, component: string): Measured {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { outcome: 'upstream_unreadable', detail: 'the status page did not answer JSON' };
  }
  const parsed = summarySchema.safeParse(json);
  if (!parsed.success) return { outcome: 'upstream_unreadable', detail: 'the status page answered no Statuspage v2 "components" list' };
  const wanted = component.toLowerCase();
  const found =
    parsed.data.components.find((c) => c.id === component) ?? parsed.data.components.find((c) => c.name.trim().toLowerCase() === wanted);
  if (!found) return { outcome: 'upstream_unreadable', detail: `no component "${component.slice(0, 100)}" on the status page` };
  const outcome = FROM_STATUS[found.status];
  if (!outcome) return { outcome: 'upstream_unreadable', detail: `unknown component status "${found.status.slice(0, 40)}"` };
  return { outcome, detail: `${found.name.slice(0, 100)}: ${found.status}` };
}

export function createStatuspageCheck(env: CheckEnv): KindCheck {
  return async (service, run) => {
    if (service.check?.kind !== 'statuspage') throw new Error(`${service.id} has no status page to read`);
    const { url, component } = service.check;
    const trail: HopTrail = { url, redirects: 0 };
    const connection: ConnectionRecord = { tlsExpiresAt: null, tlsIssuer: null };
    const dispatcher = createGuardedAgent({
      policy: policyFor(service, env.addressPolicy),
      lookup: env.lookup,
      secureContext: env.secureContext,
      connectTimeoutMs: run.timeoutMs,
      record: connection,
      localAddress: env.localAddress,
    });
    try {
      const followed = await followRedirects(trail, env.maxRedirects, (next) =>
        request(next, { dispatcher, signal: run.signal, userAgent: env.userAgent }),
      );
      if (followed.kind === 'redirect_error') return { outcome: 'upstream_unreadable', detail: followed.detail, finalUrl: trail.url };
      const { response } = followed;
      const body = await readCappedBody(response, env.maxBodyBytes);
      const latencyMs = Math.max(0, env.clock() - run.startedAtMs);
      const seen = { latencyMs, httpStatus: response.status, finalUrl: trail.url };
      if (response.status < 200 || response.status > 299) {
        return { outcome: 'upstream_unreadable', detail: `the status page answered HTTP ${response.status}`, ...seen };
      }
      if (body.tooLarge) return { outcome: 'upstream_unreadable', detail: 'the status page is larger than the body limit', ...seen };
      return { ...readComponent(body.text, component), ...seen };
    } catch (error) {
      // Whatever stops the page from being read (timeout, refused address, TLS) says nothing of the component.
      const why = explainFailure(error, run, service.timeout);
      return {
        outcome: 'upstream_unreadable',
        detail: `status page unreadable (${why.outcome}): ${why.detail ?? ''}`,
        finalUrl: trail.url,
      };
    } finally {
      dispatcher.destroy().catch(() => undefined);
    }
  };
}
