import { CatalogueError, parseCatalogue } from '../../../src/config/load-catalogue.ts';

/** Catalogue texts for loader tests, and the problems the loader reports about them. */

export type Json = Record<string, unknown>;

export function service(id: string, extra: Json = {}): Json {
  return { id, name: { fr: `Service ${id}`, en: `Service ${id} (en)` }, category: 'tax', url: `https://${id}.example.fr/`, ...extra };
}

export function catalogue(services: Json[], extra: Json = {}): Json {
  return { categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }], services, ...extra };
}

export const text = (value: unknown): string => JSON.stringify(value, null, 2);

/** 1-based line of the first line containing `needle`. */
export function lineOf(source: string, needle: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the text`);
  return index + 1;
}

export function problemsOf(source: string, fileName = 'services.json'): string[] {
  try {
    parseCatalogue(source, fileName);
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems;
    throw error;
  }
  throw new Error('the catalogue was accepted');
}
