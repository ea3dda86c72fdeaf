import ky from 'ky';
import { fetch as undiciFetch, type Agent } from 'undici';

/** One HTTP request of a check: no retry, no redirect following (`follow-redirects.ts` does it), status as data. */

export interface RequestOptions {
  dispatcher: Agent;
  signal: AbortSignal;
  userAgent: string;
  method?: 'GET' | 'HEAD' | 'POST';
  body?: string | null;
  contentType?: string | null;
  /** The `Cookie` header a journey's jar gives this URL. */
  cookie?: string;
}

/**
 * ky builds a global Request; the dispatcher belongs to the `undici` package, whose fetch must
 * carry it (Node's bundled fetch speaks an older dispatcher protocol), so the request is re-made.
 * A body (a journey's form, a few kilobytes at most) is read back as text so it leaves with its length.
 */
const fetchWithUndici = async (input: Request, init?: RequestInit): Promise<Response> =>
  undiciFetch(input.url, {
    method: input.method,
    headers: [...input.headers],
    signal: input.signal,
    redirect: input.redirect,
    ...(input.body === null ? {} : { body: await input.text() }),
    ...(init as object),
  }) as unknown as Promise<Response>;

export function request(url: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const withBody = method === 'POST' && options.body !== null && options.body !== undefined;
  return ky(url, {
    fetch: fetchWithUndici as (input: unknown, init?: RequestInit) => Promise<Response>,
    method,
    retry: 0,
    throwHttpErrors: false,
    timeout: false,
    redirect: 'manual',
    signal: options.signal,
    ...(withBody ? { body: options.body } : {}),
    headers: {
      'user-agent': options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8',
      // The catalogue's keywords are French, like the pages citizens get.
      'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5',
      ...(withBody ? { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    dispatcher: options.dispatcher,
  } as Parameters<typeof ky>[1]);
}
