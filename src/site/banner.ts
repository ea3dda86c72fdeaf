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

type BannerSnapshot = Pick<StatusSnapshot, 'overall' | 'openIncidents'> &
  Partial<Pick<StatusSnapshot, 'storeUnreachableSince' | 'services'>>;

/**
 * The overview's sentence about how things are, counted from the published states (staff-declared
 * impact included) and coloured by the worst of them. A store the web process cannot reach comes
 * first, then monitoring we cannot vouch for (never started, the probe doubting its network, no
 * fresh data); then disrupted services; then incidents that name no service; "all fine" only when
 * every service is fresh and operational.
 *
 * One definition of "affected" and one total: the title counts the services down or slowed, the
 * first sentence breaks that same number down, and what is merely paused (maintenance, closed
 * hours) or unknown is said in a sentence of its own, never added to the total.
 */
export function bannerView(snapshot: BannerSnapshot, d: Dictionary, locale: Locale = 'fr'): BannerView {
  const { counts, monitoringInterrupted, worst, regional } = snapshot.overall;
  // Regional trouble is said apart: not an outage, and not the same as a slow service either.
  const degradedOnly = counts.degraded - regional;
  const disrupted = counts.down + counts.partial + counts.degraded;
  const side = sideSentence(
    [
      counts.maintenance > 0 ? d.banner.maintenance(counts.maintenance) : null,
      counts.closed > 0 ? d.banner.closed(counts.closed) : null,
      counts.unknown > 0 && !monitoringInterrupted ? d.banner.unknown(counts.unknown) : null,
    ],
    d,
  );

  if (snapshot.storeUnreachableSince) {
    // Nothing new can reach this page: whatever the last rows said, it is not being updated.
    return { level: 'unknown', title: d.banner.notUpdated, details: [d.banner.storeUnreachable, ...side] };
  }
  if (monitoringInterrupted) {
    const gap = d.banner.gaps[snapshot.overall.monitoringGap ?? 'no_fresh_data'];
    return { level: 'unknown', title: gap.title, details: [gap.detail] };
  }
  if (disrupted > 0) {
    const parts = [
      counts.down > 0 ? d.banner.down(counts.down) : null,
      counts.partial > 0 ? d.banner.partial(counts.partial) : null,
      degradedOnly > 0 ? d.banner.degraded(degradedOnly) : null,
      regional > 0 ? d.banner.regional(regional) : null,
    ].filter((s): s is string => s !== null);
    // One shared cause said once: "FranceConnect is unavailable; 5 services depend on it."
    const causes = dependentsPerUpstream(new Map((snapshot.services ?? []).map((s) => [s.id, s.upstreamsDown])));
    const shared = causes.map(({ upstream, dependents }) => d.waves.dependencies.banner(upstream.name[locale], dependents));
    return { level: worst, title: d.banner.disrupted(disrupted), details: [`${parts.join(', ')}.`, ...side, ...shared] };
  }
  if (snapshot.openIncidents.length > 0) {
    // An incident that names no service still says something is wrong.
    return { level: 'degraded', title: d.banner.openIncidents(snapshot.openIncidents.length), details: side };
  }
  if (side.length > 0) return { level: worst, title: d.banner.noOutageSeen, details: side };
  return { level: 'operational', title: d.banner.allOk, details: [] };
}

function sideSentence(parts: (string | null)[], d: Dictionary): string[] {
  const kept = parts.filter((s): s is string => s !== null);
  return kept.length > 0 ? [d.banner.besides(kept.join(', '))] : [];
}
