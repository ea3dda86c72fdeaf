import type { Locale, PublishedState } from '../domain/vocabulary.ts';
import type { Dictionary } from '../i18n/index.ts';
import { dependentsPerUpstream } from '../status/dependencies.ts';
import type { StatusSnapshot } from '../status/views.ts';

export interface BannerView {
  /** The state whose icon and colour the banner wears. */
  level: PublishedState;
  title: string;
  details: string[];
}

/**
 * The overview's sentence about how things are, counted from the published states (staff-declared
 * impact included) and coloured by the worst of them. A store the web process cannot reach comes
 * first, then monitoring interrupted (we cannot vouch for anything); then disrupted services; then
 * incidents that name no service; "all fine" only when every service is fresh and operational.
 */
export function bannerView(
  snapshot: Pick<StatusSnapshot, 'overall' | 'openIncidents' | 'lastProbeAt'> &
    Partial<Pick<StatusSnapshot, 'storeUnreachableSince' | 'services'>>,
  d: Dictionary,
  locale: Locale = 'fr',
): BannerView {
  const { counts, monitoringInterrupted, worst, regional } = snapshot.overall;
  // Regional trouble is said apart: not an outage, and not the same as a slow service either.
  const degradedOnly = counts.degraded - regional;
  const disrupted = counts.down + counts.partial + counts.degraded;
  const side = [
    counts.maintenance > 0 ? d.banner.maintenance(counts.maintenance) : null,
    counts.closed > 0 ? d.banner.closed(counts.closed) : null,
    counts.unknown > 0 ? d.banner.unknown(counts.unknown) : null,
  ].filter((s): s is string => s !== null);
  const sentence = (parts: (string | null)[]) => {
    const kept = parts.filter((s): s is string => s !== null);
    return kept.length > 0 ? [`${kept.join(', ')}.`] : [];
  };

  if (snapshot.storeUnreachableSince) {
    // Nothing new can reach this page: whatever the last rows said, it is not being updated.
    return { level: 'unknown', title: d.banner.notUpdated, details: [d.banner.storeUnreachable, ...sentence(side)] };
  }
  if (monitoringInterrupted) {
    return {
      level: 'unknown',
      title: d.banner.interrupted,
      details: [snapshot.lastProbeAt ? d.banner.interruptedDetail : d.banner.noneYet],
    };
  }
  // One shared cause said once: "FranceConnect is unavailable; 5 services depend on it."
  const causes = dependentsPerUpstream(new Map((snapshot.services ?? []).map((s) => [s.id, s.upstreamsDown])));
  const shared = causes.map(({ upstream, dependents }) => d.waves.dependencies.banner(upstream.name[locale], dependents));
  if (disrupted > 0) {
    return {
      level: worst,
      title: d.banner.disrupted(disrupted),
      details: [
        ...shared,
        ...sentence([
          counts.down > 0 ? d.banner.down(counts.down) : null,
          counts.partial > 0 ? d.banner.partial(counts.partial) : null,
          degradedOnly > 0 ? d.banner.degraded(degradedOnly) : null,
          regional > 0 ? d.banner.regional(regional) : null,
          ...side,
        ]),
      ],
    };
  }
  if (snapshot.openIncidents.length > 0) {
    // An incident that names no service still says something is wrong.
    return {
      level: 'degraded',
      title: d.banner.openIncidents(snapshot.openIncidents.length),
      details: sentence(side),
    };
  }
  if (side.length > 0) {
    return { level: worst, title: d.banner.noOutageSeen, details: sentence(side) };
  }
  return { level: 'operational', title: d.banner.allOk, details: [] };
}
