import type { Locale } from '../domain/vocabulary.ts';

/** Admin links keep the chosen language in the query string (French is the default). */
export function adminHref(path: string, lang: Locale): string {
  if (lang === 'fr') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}
