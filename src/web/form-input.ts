import { REQUEST_LIMITS, type Refusal } from './request-limits.ts';

/** A form the site will not read at all; `answerRefusedForms` answers it with the refusal's status on every route. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(`request refused: ${refusal}`);
    this.refusal = refusal;
  }
}

/**
 * Fields a raw form body holds at most, counted on its bytes without decoding anything: parsing
 * costs far more per field (super-linearly for value-less ones, `a&a&…`), so a body is counted
 * first and parsed only when it is within the limit (pure).
 */
export function countFormFields(body: Uint8Array, contentType: string): number {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
    const delimiter = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
    return delimiter ? Math.max(0, occurrences(buffer, delimiter) - 1) : 0;
  }
  return body.byteLength === 0 ? 0 : occurrences(buffer, '&') + 1;
}

function occurrences(buffer: Buffer, needle: string): number {
  let count = 0;
  for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** The body parsed as a form, or null when it is not one; refused unread past the field limit. */
async function parseForm(request: Request, type: string): Promise<FormData | URLSearchParams | null> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await request.bytes();
  } catch {
    return null;
  }
  if (countFormFields(body, type) > REQUEST_LIMITS.formFields) throw new RequestRefused('too_many_fields');
  if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(new TextDecoder().decode(body));
  try {
    return await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    return null;
  }
}

/**
 * A posted staff form as a plain object for the zod schemas: `impact.<serviceId>` selects become
 * an `impacts` map, repeated `services` checkboxes an array. Anything but a form body is refused.
 * Field names are data, never object paths (`__proto__`, `constructor` are names like any other),
 * and NUL characters, which no field can mean and PostgreSQL refuses, are dropped.
 */
export async function readForm(request: Request): Promise<Record<string, unknown> | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const form = await parseForm(request, type);
  if (!form) return null;
  const fields = new Map<string, string>();
  const impacts = new Map<string, string>();
  const services: string[] = [];
  for (const [rawKey, rawValue] of form) {
    if (typeof rawValue !== 'string') continue;
    const key = withoutNul(rawKey);
    const value = withoutNul(rawValue);
    if (key.startsWith('impact.')) impacts.set(key.slice('impact.'.length), value);
    else if (key === 'services') services.push(value);
    else fields.set(key, value);
  }
  return { ...Object.fromEntries(fields), impacts: Object.fromEntries(impacts), services };
}

/** The form's choice among a closed set of intents (own values only, never an inherited name). */
export function pickIntent<T extends string>(input: Record<string, unknown> | null, intents: readonly T[]): T | null {
  const intent = input?.intent;
  return typeof intent === 'string' && (intents as readonly string[]).includes(intent) ? (intent as T) : null;
}

function withoutNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}
