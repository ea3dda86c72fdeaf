import type { Catalogue } from '../config/services-schema.ts';
import { foldText } from './fold.ts';

/**
 * Finds catalogue services by what citizens type: names in both languages, aliases (former names,
 * acronyms, everyday words) and descriptions. A query matches when each of its words starts a word
 * of the service's text; names and aliases rank before descriptions, whole names before partial ones.
 */

/** Words so common in how people name a service ("la CAF", "mon compte") that they carry no signal. */
const FILLER_WORDS = new Set([
  'la',
  'le',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
  'un',
  'une',
  'mon',
  'ma',
  'mes',
  'the',
  'my',
  'site',
  'www',
  'fr',
  'gouv',
  'com',
]);

export const MATCH_RANKS = ['exact', 'name', 'words', 'description'] as const;
export type MatchRank = (typeof MATCH_RANKS)[number];

export interface SearchIndex {
  entries: { id: string; names: string[][]; descriptions: string[][] }[];
}

export interface SearchHit {
  id: string;
  rank: MatchRank;
}

/** Folds every searchable text once per catalogue: a search then compares short word lists only. */
export function buildSearchIndex(catalogue: Catalogue): SearchIndex {
  const words = (text: string) => foldText(text).split(' ').filter(Boolean);
  return {
    entries: catalogue.services.map((s) => ({
      id: s.id,
      // The gloss names the service in the reader's words ("Customs"): it is searched as a name.
      names: [s.name.fr, s.name.en, ...Object.values(s.gloss ?? {}), s.id, new URL(s.url).hostname.replace(/^www\./, ''), ...s.aliases].map(
        words,
      ),
      descriptions: s.description ? [words(s.description.fr), words(s.description.en)] : [],
    })),
  };
}

/** Matching services, best first (catalogue order within a rank); the query is already normalised. */
export function searchServices(index: SearchIndex, query: string): SearchHit[] {
  const all = foldText(query).split(' ').filter(Boolean);
  const meaningful = all.filter((w) => !FILLER_WORDS.has(w));
  const words = meaningful.length > 0 ? meaningful : all;
  if (words.length === 0) return [];
  const phrase = words.join(' ');
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    const rank = rankOf(entry, words, phrase);
    if (rank) hits.push({ id: entry.id, rank });
  }
  return hits.sort((a, b) => MATCH_RANKS.indexOf(a.rank) - MATCH_RANKS.indexOf(b.rank));
}

function rankOf(entry: SearchIndex['entries'][number], words: string[], phrase: string): MatchRank | null {
  const meaningfulOf = (name: string[]) => name.filter((w) => !FILLER_WORDS.has(w)).join(' ');
  if (entry.names.some((name) => name.join(' ') === phrase || meaningfulOf(name) === phrase)) return 'exact';
  if (entry.names.some((name) => startsWithWords(name, words))) return 'name';
  if (words.every((w) => entry.names.some((name) => name.some((n) => n.startsWith(w))))) return 'words';
  const all = [...entry.names, ...entry.descriptions];
  if (words.every((w) => all.some((text) => text.some((n) => n.startsWith(w))))) return 'description';
  return null;
}

/** The query's words in order, each starting consecutive words of the name ("pole emp" in "pole emploi"). */
function startsWithWords(name: string[], words: string[]): boolean {
  for (let start = 0; start + words.length <= name.length; start++) {
    if (words.every((w, i) => name[start + i]!.startsWith(w))) return true;
  }
  return false;
}

// The catalogue is loaded once per process and never changes under it: one index per catalogue.
const indexes = new WeakMap<Catalogue, SearchIndex>();

export function searchIndexFor(catalogue: Catalogue): SearchIndex {
  let index = indexes.get(catalogue);
  if (!index) {
    index = buildSearchIndex(catalogue);
    indexes.set(catalogue, index);
  }
  return index;
}
