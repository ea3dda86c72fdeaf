/**
 * Text as the search compares it: lower case, accents and punctuation gone, one space between
 * words. "Pôle-Emploi", "pole emploi" and "POLE EMPLOI" all become "pole emploi".
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Longer than any name or alias worth typing; keeps cache keys and rendered echoes small. */
export const MAX_QUERY_LENGTH = 60;

/**
 * A visitor's query as the page and its cache key see it: folded and cut to a bounded length, so
 * "Impôts", "IMPOTS" and " impots " are one cached page. Null when nothing searchable is left.
 */
export function normaliseQuery(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Folding a huge input would cost for nothing: only its start can survive the cut.
  const folded = foldText(raw.slice(0, MAX_QUERY_LENGTH * 4));
  const cut = [...folded].slice(0, MAX_QUERY_LENGTH).join('').trim();
  return cut.length > 0 ? cut : null;
}
