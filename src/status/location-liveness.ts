import type { ProbeHeartbeat } from '../domain/records.ts';

/** A probe process silent for longer than this is offline as far as the page is concerned. */
export const HEARTBEAT_FRESH_MS = 3 * 60_000;

/** What a location's probe processes say together, from each one's last heartbeat. */
export interface LocationLiveness {
  location: string;
  /** The newest heartbeat of any of its processes. */
  lastAt: Date;
  /** Processes heard from within `HEARTBEAT_FRESH_MS`. */
  alive: number;
  /** Alive processes that reach their canaries. */
  healthy: number;
  /** At least one process is alive. */
  fresh: boolean;
  /** The location trusts its network, so its trackings may vote: at least one alive process reaches its canaries. */
  trusted: boolean;
}

/**
 * Each location's liveness from its processes' heartbeats (pure). When alive processes disagree,
 * one that reaches its canaries is enough for the location to vote:
 * - a process that doubts its own network stores its results as probe-offline, and those never
 *   move a tracking (`src/probe/evaluate.ts`); what the location votes with was written by
 *   processes that trusted their network, so one healthy process vouches for it;
 * - requiring every process (or a majority, a tie at two) would let one process with a cut
 *   network silence the location, its vote flapping with each heartbeat: what keeping heartbeats
 *   per process is there to end.
 * The location stops voting when every alive process doubts its network, or none is alive.
 */
export function locationLiveness(heartbeats: readonly ProbeHeartbeat[], nowMs: number): Map<string, LocationLiveness> {
  const grouped = new Map<string, ProbeHeartbeat[]>();
  for (const h of heartbeats) grouped.set(h.location, [...(grouped.get(h.location) ?? []), h]);
  const views = [...grouped].map(([location, rows]): [string, LocationLiveness] => {
    const alive = rows.filter((h) => nowMs - h.at.getTime() <= HEARTBEAT_FRESH_MS);
    const healthy = alive.filter((h) => h.canariesHealthy).length;
    const lastAt = new Date(Math.max(...rows.map((h) => h.at.getTime())));
    return [location, { location, lastAt, alive: alive.length, healthy, fresh: alive.length > 0, trusted: healthy > 0 }];
  });
  return new Map(views);
}
