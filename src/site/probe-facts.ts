import type { Catalogue } from '../config/services-schema.ts';
import type { ProbeHeartbeat } from '../domain/records.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDuration } from '../i18n/format.ts';
import type { ProbeFacts } from '../i18n/index.ts';
import { locationLiveness } from '../status/location-liveness.ts';

/**
 * What the "about the probes" page states: the checks from the catalogue in use, the probes
 * themselves from what they wrote with their heartbeats (never from this web process's settings,
 * which may differ from the probes'), with how many probe processes are alive at each place now.
 * Null `reported` until a probe has described itself.
 */
export function probeFacts(catalogue: Catalogue, heartbeats: readonly ProbeHeartbeat[], locale: Locale, now: Date): ProbeFacts {
  const intervals = catalogue.services.map((s) => s.interval);
  const failures = catalogue.services.map((s) => s.detection.failuresBeforeDown);
  const successes = catalogue.services.map((s) => s.detection.successesBeforeUp);
  const order = (id: string) => catalogue.locations.findIndex((l) => l.id === id);
  // A probe refuses a location its catalogue does not list: a heartbeat from one is a leftover.
  const listed = (id: string) => catalogue.locations.length === 0 || catalogue.locations.some((l) => l.id === id);
  const described = heartbeats
    .flatMap((h) => (h.self && listed(h.location) ? [{ location: h.location, ...h.self }] : []))
    .sort((a, b) => order(a.location) - order(b.location) || a.location.localeCompare(b.location));
  const placeName = (id: string) => catalogue.locations.find((l) => l.id === id)?.name[locale] ?? null;
  const liveness = locationLiveness(heartbeats, now.getTime());
  const places = [...new Set(described.map((d) => d.location))];
  return {
    minInterval: formatInterval(Math.min(...intervals), locale),
    maxInterval: formatInterval(Math.max(...intervals), locale),
    failuresBeforeDown: Math.min(...failures),
    successesBeforeUp: Math.min(...successes),
    reported:
      described.length === 0
        ? null
        : {
            locations: places.map((id) => ({ name: placeName(id), processes: liveness.get(id)?.alive ?? 0 })),
            userAgents: [...new Set(described.map((d) => d.userAgent))].sort(),
            // The cap an agency may see at worst, when probes run different settings.
            perHost: Math.max(...described.map((d) => d.perHost)),
          },
  };
}

/** "60 s" reads better than "1 min" after "every"; whole minutes from two minutes up. */
export function formatInterval(seconds: number, locale: Locale): string {
  return seconds >= 120 && seconds % 60 === 0 ? formatDuration(seconds, locale) : `${seconds}\u00a0s`;
}
