/**
 * A request target whose query is not valid UTF-8 percent-encoding (`?q=caf%e9`, sent by old
 * clients and Latin-1 forms) would get the adapter's bare "Bad request.": its values are read as
 * UTF-8 where they are, as Latin-1 where they are not, and written back in UTF-8 (pure). Null
 * when the target is readable as it is, or when its path is not (no page has such a path).
 */
export function lenientTarget(target: string): string | null {
  if (isReadable(target)) return null;
  const mark = target.indexOf('?');
  if (mark < 0 || !isReadable(target.slice(0, mark))) return null;
  const query = new URLSearchParams();
  for (const pair of target.slice(mark + 1).split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const [name, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    query.append(decodeLeniently(name), decodeLeniently(value));
  }
  return `${target.slice(0, mark)}?${query.toString()}`;
}

function isReadable(text: string): boolean {
  try {
    decodeURI(text);
    return true;
  } catch {
    return false;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('windows-1252');

function decodeLeniently(component: string): string {
  const bytes = percentBytes(component.replaceAll('+', ' '));
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** The bytes a percent-encoded component stands for; a `%` not followed by two hex digits is itself. */
function percentBytes(component: string): Uint8Array {
  const out: number[] = [];
  const raw = new TextEncoder().encode(component);
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === 0x25 && i + 2 < raw.length ? String.fromCharCode(raw[i + 1]!, raw[i + 2]!) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(raw[i]!);
  }
  return Uint8Array.from(out);
}
