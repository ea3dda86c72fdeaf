import type { Catalogue } from './services-schema.ts';

/**
 * A probe at a location the catalogue does not list would vote under a name no page can show and
 * no quorum counts: it must not start. Without `locations` any name is accepted (one probe).
 */
export function probeLocationProblem(catalogue: Pick<Catalogue, 'locations'>, location: string): string | null {
  if (catalogue.locations.length === 0) return null;
  if (catalogue.locations.some((l) => l.id === location)) return null;
  const listed = catalogue.locations.map((l) => `"${l.id}"`).join(', ');
  return (
    `VIGIE_LOCATION is "${location}", but the catalogue's "locations" lists only ${listed}. ` +
    'Set VIGIE_LOCATION to one of them, or add this location to the catalogue.'
  );
}
