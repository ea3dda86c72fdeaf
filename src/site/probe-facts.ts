import type { Catalogue } from '../config/services-schema.ts';
import type { Settings } from '../config/settings.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDuration } from '../i18n/format.ts';
import type { ProbeFacts } from '../i18n/index.ts';
import { probeUserAgent } from '../probe/user-agent.ts';

/** What the "about the probes" page states, from the catalogue and settings actually in use. */
export function probeFacts(catalogue: Catalogue, settings: Settings, version: string, locale: Locale): ProbeFacts {
  const intervals = catalogue.services.map((s) => s.interval);
  const failures = catalogue.services.map((s) => s.detection.failuresBeforeDown);
  const successes = catalogue.services.map((s) => s.detection.successesBeforeUp);
  return {
    userAgent: probeUserAgent(version, settings.VIGIE_PUBLIC_URL),
    location: settings.VIGIE_LOCATION,
    minInterval: formatInterval(Math.min(...intervals), locale),
    maxInterval: formatInterval(Math.max(...intervals), locale),
    failuresBeforeDown: Math.min(...failures),
    successesBeforeUp: Math.min(...successes),
    perHost: settings.VIGIE_PROBE_PER_HOST,
  };
}

/** "60 s" reads better than "1 min" after "every"; whole minutes from two minutes up. */
export function formatInterval(seconds: number, locale: Locale): string {
  return seconds >= 120 && seconds % 60 === 0 ? formatDuration(seconds, locale) : `${seconds}\u00a0s`;
}
