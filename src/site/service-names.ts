import type { Catalogue } from '../config/services-schema.ts';
import type { ServiceNames } from './incident-facts.ts';

/** Names of the catalogue's services by id, for incidents and maintenance that list them. */
export function serviceNames(catalogue: Catalogue): ServiceNames {
  return new Map(catalogue.services.map((s) => [s.id, s.name]));
}
