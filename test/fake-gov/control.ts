import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Behaviour } from './behaviours.ts';

/**
 * The fake's remote control, for a fake running in another process (`serve.ts`): the demo script
 * and the benchmark switch behaviours and read hit counts over HTTP on the plain listener.
 *
 *   PUT /_fake/behaviours/<name>   body: a Behaviour as JSON, e.g. {"kind":"status","code":503}
 *   PUT /_fake/default             body: a Behaviour
 *   GET /_fake/hits/<name>         → {"hits": 12}
 */

const behaviourSchema: z.ZodType<Behaviour> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('up') }),
    z.object({ kind: z.literal('slow'), ms: z.number().int().min(0) }),
    z.object({ kind: z.literal('status'), code: z.number().int().min(100).max(599) }),
    z.object({ kind: z.literal('hang') }),
    z.object({ kind: z.literal('slowDrip'), everyMs: z.number().int().min(1) }),
    z.object({ kind: z.literal('refuse') }),
    z.object({ kind: z.literal('reset') }),
    z.object({ kind: z.literal('redirectLoop') }),
    z.object({ kind: z.literal('redirects'), count: z.number().int().min(0) }),
    z.object({ kind: z.literal('redirectTo'), url: z.string().min(1) }),
    z.object({ kind: z.literal('hugeBody') }),
    z.object({ kind: z.literal('gzipBomb') }),
    z.object({ kind: z.literal('missingKeyword') }),
    z.object({ kind: z.literal('challenge'), status: z.number().int().min(100).max(599) }),
    z.object({ kind: z.literal('flap'), pattern: z.array(behaviourSchema).min(1) }),
  ]),
);

export interface Controllable {
  set(name: string, behaviour: Behaviour): void;
  setDefault(behaviour: Behaviour): void;
  hits(name: string): number;
}

export const CONTROL_PREFIX = '/_fake/';

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text);
}

export async function control(req: IncomingMessage, res: ServerResponse, fake: Controllable): Promise<void> {
  const [, , resource, name] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
  if (req.method === 'GET' && resource === 'hits' && name) return json(res, 200, { hits: fake.hits(name) });
  if (req.method !== 'PUT' || (resource !== 'default' && !(resource === 'behaviours' && name))) {
    return json(res, 404, { error: 'use PUT /_fake/behaviours/<name>, PUT /_fake/default or GET /_fake/hits/<name>' });
  }
  let parsed;
  try {
    parsed = behaviourSchema.safeParse(await readJson(req));
  } catch {
    return json(res, 400, { error: 'the body must be JSON' });
  }
  if (!parsed.success) return json(res, 400, { error: z.prettifyError(parsed.error) });
  if (resource === 'default') fake.setDefault(parsed.data);
  else if (name) fake.set(name, parsed.data);
  json(res, 200, { ok: true });
}
