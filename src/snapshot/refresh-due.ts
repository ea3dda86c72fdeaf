/**
 * The pages of a service whose data did not change are still rendered again within this time:
 * they say when it was last checked, its latency and uptime, which move without a change of
 * state. Under the three minutes after which the copy's age script shows figures as unknown.
 */
export const REFRESH_MS = 120_000;
/** A publication refreshes at most what this much time owes, so one that follows a change stays short. */
const MOST_MS = 10_000;

/**
 * The services whose turn to be rendered again has come, oldest first: enough that the whole
 * catalogue goes round once per REFRESH_MS, spread over the publications, but never more than
 * MOST_MS owes (after a long publication, rendering nearly everything again would make the next
 * one as long, and a change would wait behind it). Pure.
 */
export function refreshDue(
  serviceIds: readonly string[],
  renderedAt: Record<string, number>,
  at: { now: number; previous: number },
): string[] {
  const oldest = [...serviceIds].sort((a, b) => (renderedAt[a] ?? 0) - (renderedAt[b] ?? 0));
  const owed = Math.min(Math.max(0, at.now - at.previous), MOST_MS);
  return oldest.slice(0, Math.ceil((serviceIds.length * owed) / REFRESH_MS));
}
