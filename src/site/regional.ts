import type { Locale } from '../domain/vocabulary.ts';
import { formatList } from '../i18n/format.ts';
import type { Dictionary } from '../i18n/index.ts';
import type { ServiceStatusView } from '../status/views.ts';

/**
 * The sentence saying where a service cannot be reached from, when only some locations fail:
 * "reachable from France, not from abroad" for a geo-fence, else the places by name.
 */
export function regionalSentence(service: Pick<ServiceStatusView, 'regional' | 'locations'>, d: Dictionary, locale: Locale): string | null {
  const { regional } = service;
  if (!regional) return null;
  if (regional.reason === 'abroad_only') return d.locations.abroadOnly;
  const names = regional.locations.map((id) => service.locations.find((l) => l.location === id)?.name?.[locale] ?? id);
  return d.locations.unreachableFrom(formatList(names, locale));
}
