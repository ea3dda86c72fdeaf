import type { Impact } from './vocabulary.ts';

/**
 * When citizens will hear more about an incident (« Prochaine information prévue à 15 h 30 »):
 * the time staff gave with their latest update, or else a delay set per impact from that update.
 * Once it passes with no newer update, the page says the update is late and the dashboard flags it.
 */

/** Minutes after an update within which the next one is promised, by the incident's worst impact. */
export type NextUpdateDelays = Record<Impact, number>;

export const NEXT_UPDATE_DELAYS: NextUpdateDelays = { major: 60, partial: 120, degraded: 240 };

export interface LatestUpdate {
  at: Date;
  /** The time staff promised with it; null: the default for the impact. */
  nextUpdateAt: Date | null;
}

/** The promised time; null for a resolved incident, or one with no impact to default from and no time given. */
export function nextUpdateDue(
  latest: LatestUpdate,
  incident: { resolved: boolean; impact: Impact | null },
  delays: NextUpdateDelays,
): Date | null {
  if (incident.resolved) return null;
  if (latest.nextUpdateAt) return latest.nextUpdateAt;
  if (!incident.impact) return null;
  return new Date(latest.at.getTime() + delays[incident.impact] * 60_000);
}

export function isUpdateLate(due: Date | null, now: Date): boolean {
  return due !== null && now.getTime() > due.getTime();
}
