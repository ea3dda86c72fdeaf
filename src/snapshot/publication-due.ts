/**
 * At most one publication per MIN_GAP, at least one per MAX_GAP so the copy's timestamp moves and
 * its service pages are refreshed in turn (`refresh-due.ts`).
 * The publisher asks every TICK: a change reaches the copy within a tick plus one publication
 * (incremental, so a few seconds even for thousands of services).
 */
export const TICK_MS = 1_000;
export const MIN_GAP_MS = 2_000;
export const MAX_GAP_MS = 10_000;

export interface LastPublication {
  at: number;
  /** The store's data version it was made from; null when the store did not say. */
  version: number | null;
}

/**
 * Whether the static copy should be published now. Pure: the publisher asks it every TICK with
 * the current data version (null when the store does not answer).
 */
export function publicationDue(last: LastPublication | null, now: number, version: number | null): boolean {
  if (!last) return true;
  if (now - last.at < MIN_GAP_MS) return false;
  if (now - last.at >= MAX_GAP_MS) return true;
  return version !== null && version !== last.version;
}
