/**
 * JSON with object keys sorted and no white space, ended by one line feed: the same facts always
 * give the same bytes, so a signature over them can be checked against the file as served.
 */
export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue };

function canonical(value: CanonicalValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] as CanonicalValue)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`canonical JSON holds integers only, not ${value}`);
  return JSON.stringify(value);
}

export function canonicalJson(value: CanonicalValue): string {
  return `${canonical(value)}\n`;
}
