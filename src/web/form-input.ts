import { REQUEST_LIMITS, type Refusal } from './request-limits.ts';

/** A form the site will not read at all; the admin guard answers it with the refusal's status. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(`request refused: ${refusal}`);
    this.refusal = refusal;
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
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const fields = new Map<string, string>();
  const impacts = new Map<string, string>();
  const services: string[] = [];
  let count = 0;
  for (const [rawKey, rawValue] of form) {
    count += 1;
    if (count > REQUEST_LIMITS.formFields) throw new RequestRefused('too_many_fields');
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
