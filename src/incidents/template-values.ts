import type { Catalogue } from '../config/services-schema.ts';
import type { TemplateValues } from '../domain/templates.ts';
import type { Localized } from '../domain/vocabulary.ts';
import { formatDateTimeZoned } from '../i18n/format.ts';

/** What a template's variables become for these services and this start (`{until}` is left for staff to write). */
export function templateValues(
  catalogue: Pick<Catalogue, 'services' | 'locations'>,
  serviceIds: readonly string[],
  start: Date | null,
): TemplateValues {
  const names = serviceIds.map((id) => catalogue.services.find((s) => s.id === id)?.name ?? { fr: id, en: id });
  const join = (items: Localized[]): Localized => ({ fr: items.map((n) => n.fr).join(', '), en: items.map((n) => n.en).join(', ') });
  return {
    ...(names.length > 0 ? { services: join(names) } : {}),
    ...(start ? { start: { fr: formatDateTimeZoned(start, 'fr'), en: formatDateTimeZoned(start, 'en') } } : {}),
    ...(catalogue.locations.length > 0 ? { locations: join(catalogue.locations.map((l) => l.name)) } : {}),
  };
}
