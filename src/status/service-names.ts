import type { Localized } from '../domain/vocabulary.ts';

export type ServiceNames = Map<string, Localized>;

/** Names of the catalogue's services by id, for incidents and maintenance that list them. */
export function serviceNames(catalogue: { services: readonly { id: string; name: Localized }[] }): ServiceNames {
  return new Map(catalogue.services.map((s) => [s.id, s.name]));
}

/** Catalogue names by id; an id no longer in the catalogue shows as itself. */
export function nameOf(names: ServiceNames, id: string): Localized {
  return names.get(id) ?? { fr: id, en: id };
}
