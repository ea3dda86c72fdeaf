import type { Localized } from '../domain/vocabulary.ts';

export interface TextPiece {
  text: string;
  /** An official French name kept as is in English text: marked `lang="fr"` so a screen reader says it in French. */
  french: boolean;
}

/** An official French name kept as is in English: the catalogue gives it the same in both languages. */
export function keptFrench(name: Localized): boolean {
  return name.en === name.fr;
}

/** Names kept in French on English pages (as `ServiceName.astro` marks them). */
export function keptFrenchNames(names: readonly Localized[]): string[] {
  return [...new Set(names.filter(keptFrench).map((n) => n.fr))];
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Cuts English text (an incident or maintenance title staff or the probe wrote) around the names
 * kept in French, whole words only, the longest name first where two start at the same place.
 * Plain text in, plain text out: the page decides the markup.
 */
export function splitFrenchNames(text: string, names: readonly string[]): TextPiece[] {
  const byLength = names.filter((n) => n.length > 0).toSorted((a, b) => b.length - a.length);
  const pieces: TextPiece[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const name = byLength.find((n) => text.startsWith(n, i) && !WORD.test(text[i - 1] ?? '') && !WORD.test(text[i + n.length] ?? ''));
    if (!name) {
      i += 1;
      continue;
    }
    if (i > plainFrom) pieces.push({ text: text.slice(plainFrom, i), french: false });
    pieces.push({ text: name, french: true });
    i += name.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) pieces.push({ text: text.slice(plainFrom), french: false });
  return pieces;
}
