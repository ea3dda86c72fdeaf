import { CookieJar } from 'tough-cookie';
import type { Agent } from 'undici';
import type { JourneyStep } from '../../config/service-check.ts';
import type { CheckEnv, CheckRun, KindCheck, Measured } from './check-env.ts';
import { classifyResponse } from './classify-response.ts';
import { followRedirects, type HopTrail } from './follow-redirects.ts';
import type { ConnectionRecord } from '../../net/guarded-agent.ts';
import { checkAgent, explainFailure } from './http-check.ts';
import { request } from './http-request.ts';
import { readCappedBody } from './read-body.ts';

/**
 * The journey check: up to five HTTP steps in order, as one visitor makes them, with one cookie
 * jar and one connection pool held to the SSRF guard on every hop. The first step that fails ends
 * the journey and is named in the result (`step`, 1-based); the whole journey shares one deadline,
 * and only the whole journey can be slow.
 */

interface StepContext {
  env: CheckEnv;
  run: CheckRun;
  timeoutS: number;
  dispatcher: Agent;
  jar: CookieJar;
}

/** The step's final answer: after its redirects, or the first answer when it does not follow them. */
async function answerOf(step: JourneyStep, trail: HopTrail, ctx: StepContext) {
  let hop = 0;
  const send = async (url: string): Promise<Response> => {
    // A redirect is followed with a GET, as browsers do after a form is posted.
    const first = hop++ === 0;
    const response = await request(url, {
      dispatcher: ctx.dispatcher,
      signal: ctx.run.signal,
      userAgent: ctx.env.userAgent,
      method: first ? step.method : 'GET',
      body: first ? step.body : null,
      contentType: step.contentType,
      cookie: await ctx.jar.getCookieString(url),
    });
    for (const cookie of response.headers.getSetCookie()) await ctx.jar.setCookie(cookie, url, { ignoreError: true });
    return response;
  };
  if (!step.followRedirects) return { kind: 'response' as const, response: await send(trail.url) };
  return followRedirects(trail, ctx.env.maxRedirects, send);
}

async function runStep(step: JourneyStep, ctx: StepContext): Promise<Measured & { finalUrl: string }> {
  const trail: HopTrail = { url: step.url, redirects: 0 };
  try {
    const followed = await answerOf(step, trail, ctx);
    if (followed.kind === 'redirect_error') {
      return { outcome: 'redirect_error', detail: followed.detail, httpStatus: followed.status, finalUrl: trail.url };
    }
    const { response } = followed;
    const body = await readCappedBody(response, ctx.env.maxBodyBytes);
    const verdict = classifyResponse(
      { status: response.status, headers: response.headers, body: body.text, tooLarge: body.tooLarge, latencyMs: 0 },
      { expectStatus: step.expectStatus, keyword: step.keyword, slowMs: Number.POSITIVE_INFINITY, assertions: step.expect },
    );
    return { ...verdict, httpStatus: response.status, finalUrl: trail.url };
  } catch (error) {
    return { ...explainFailure(error, ctx.run, ctx.timeoutS), finalUrl: trail.url };
  }
}

export function createJourneyCheck(env: CheckEnv): KindCheck {
  return async (service, run) => {
    if (service.check?.kind !== 'journey') return { outcome: 'probe_error', detail: 'not a journey check' };
    const connection: ConnectionRecord = { tlsExpiresAt: null, tlsIssuer: null };
    const dispatcher = checkAgent(env, service, run, connection);
    const ctx: StepContext = { env, run, timeoutS: service.timeout, dispatcher, jar: new CookieJar() };
    const certificate = () => ({ tlsExpiresAt: connection.tlsExpiresAt, tlsIssuer: connection.tlsIssuer ?? null });
    try {
      let last: Measured = { outcome: 'ok' };
      for (const [index, step] of service.check.steps.entries()) {
        last = await runStep(step, ctx);
        if (last.outcome !== 'ok') {
          const detail =
            last.outcome === 'timeout' && run.deadline.aborted ? `no complete answer within ${service.timeout} s` : last.detail;
          return { ...last, detail: `step ${index + 1} (${step.name.fr}): ${detail ?? last.outcome}`, step: index + 1, ...certificate() };
        }
      }
      const latencyMs = Math.max(0, env.clock() - run.startedAtMs);
      const slow = latencyMs > service.slowMs;
      return {
        ...last,
        outcome: slow ? 'slow' : 'ok',
        detail: slow ? `${Math.round(latencyMs)} ms for the journey, above ${service.slowMs} ms` : null,
        latencyMs,
        ...certificate(),
      };
    } finally {
      ctx.dispatcher.destroy().catch(() => undefined);
    }
  };
}
