import type { ServiceState } from '../domain/vocabulary.ts';

/**
 * The probe verdict for one service: what the locations that trust their own network say,
 * together. Pure; the snapshot, the automatic incidents and every surface take it from here.
 *
 * - A location votes when it trusts itself (one of its probe processes alive and reaching its
 *   canaries: `location-liveness.ts`) and has a fresh,
 *   conclusive state. A location that only saw inconclusive outcomes (anti-bot page, resolver
 *   hiccup) has no fresh state, so it cannot push towards `down`.
 * - `down` when at least `quorum` voters confirm it down (default: a strict majority of voters).
 * - Fewer fail: `degraded`, saying from where it is unreachable; when every French voter reaches
 *   the service and only voters abroad fail, it is a geo-fence, not an outage for citizens.
 * - Nobody votes: `unknown`.
 */
export interface LocationVote {
  location: string;
  /** Outside France: a failure only there means "reachable from France, not from abroad". */
  abroad: boolean;
  /** The location's own confirmed state for the service. */
  state: ServiceState;
  /** The location trusts its network (`locationLiveness`) and the state itself is fresh. */
  voting: boolean;
}

export const REGIONAL_REASONS = ['unreachable_from', 'abroad_only'] as const;
export type RegionalReason = (typeof REGIONAL_REASONS)[number];

export interface QuorumVerdict {
  state: ServiceState;
  /** Set when some voters, not enough for `down`, see the service down. */
  regional: { reason: RegionalReason; locations: string[] } | null;
  /** Voters that confirm the service down (the outage's witnesses when `down`). */
  downAt: string[];
  voters: string[];
  notVoting: string[];
}

export function quorumVerdict(votes: readonly LocationVote[], quorum?: number): QuorumVerdict {
  const voters = votes.filter((v) => v.voting && v.state !== 'unknown');
  const notVoting = votes.filter((v) => !voters.includes(v)).map((v) => v.location);
  const base = { voters: voters.map((v) => v.location), notVoting, regional: null };
  if (voters.length === 0) return { ...base, state: 'unknown', downAt: [] };
  if (voters.some((v) => v.state === 'maintenance')) return { ...base, state: 'maintenance', downAt: [] };
  const down = voters.filter((v) => v.state === 'down');
  const downAt = down.map((v) => v.location);
  const needed = quorum ?? Math.floor(voters.length / 2) + 1;
  if (down.length >= needed) return { ...base, state: 'down', downAt };
  if (down.length > 0) {
    // Said only when France is known to get through: every French location votes and answers.
    const french = votes.filter((v) => !v.abroad);
    const geoFenced = french.length > 0 && french.every((v) => voters.includes(v) && v.state !== 'down') && down.every((v) => v.abroad);
    return { ...base, state: 'degraded', downAt, regional: { reason: geoFenced ? 'abroad_only' : 'unreachable_from', locations: downAt } };
  }
  return { ...base, state: voters.some((v) => v.state === 'degraded') ? 'degraded' : 'operational', downAt };
}
