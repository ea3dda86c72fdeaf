/**
 * French spacing for text staff type in French, applied when it is published: one no-break space
 * before « : ; ! ? » and inside « », as the dictionaries already write them. Typed text often has
 * an ordinary space there (which a line may break at) or none at all.
 *
 * Stretches whose characters mean something are left exactly as typed: Markdown code, web and
 * mail addresses (bare, in angle brackets, or as a link's target), and clock times like 10:30.
 */
const NBSP = '\u00a0';
const SPACES = '[ \\t\\u2009\\u202f\\u00a0]';

// Every repetition stops at the character that could start another match, or is bounded, so no
// input makes these scans quadratic (test/hardening/redos.test.ts).
const KEEP =
  /(```[\s\S]{0,20000}?```|`[^`\n]*`|<[a-z][a-z0-9+.-]{0,31}:[^<>\s]*>|\]\([^()[\]\s]*\)|\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s<>]{0,2047}[^\s<>.,;:!?)]|\bmailto:[^\s<>]{0,253}[^\s<>.,;:!?)])/gi;

export function frenchSpacing(text: string): string {
  return text
    .split(KEEP)
    .map((part, i) => (i % 2 === 1 ? part : spaceProse(part)))
    .join('');
}

function spaceProse(text: string): string {
  return (
    text
      // Whatever spaces stand before a high sign become one no-break space (never across a line).
      .replace(new RegExp(`(?<!${SPACES})${SPACES}+([:;!?])`, 'g'), `${NBSP}$1`)
      // A high sign glued to the word before it gets one, when it ends the word (not 10:30, not a URL).
      .replace(/([\p{L}\p{N})\]»*_'’"])([:;!?]+)(?=\s|$)/gu, `$1${NBSP}$2`)
      .replace(new RegExp(`«${SPACES}*`, 'g'), `«${NBSP}`)
      .replace(new RegExp(`(?<!${SPACES})${SPACES}*»`, 'g'), `${NBSP}»`)
  );
}
