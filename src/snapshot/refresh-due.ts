/**
 * The pages of a service whose data did not change are still rendered again within this time:
 * they say when it was last checked, its latency and uptime, which move without a change of
 * state. Under the three minutes after which the copy's age script shows figures as unknown.
 */
export const REFRESH_MS = 120_000;

/**
 * The services whose turn to be rendered again has come, oldest first: enough that the whole
 * catalogue goes round once per REFRESH_MS, spread over the publications, and every one older
 * than that. Pure.
 */
export function refreshDue(
  serviceIds: readonly string[],
  renderedAt: Record<string, number>,
  at: { now: number; previous: number },
): string[] {
  const oldest = [...serviceIds].sort((a, b) => (renderedAt[a] ?? 0) - (renderedAt[b] ?? 0));
  const share = Math.ceil((serviceIds.length * Math.max(0, at.now - at.previous)) / REFRESH_MS);
  const overdue = oldest.filter((id) => at.now - (renderedAt[id] ?? 0) >= REFRESH_MS);
  return [...new Set([...oldest.slice(0, share), ...overdue])];
}
