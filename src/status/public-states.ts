import type { Localized, PublishedState } from '../domain/vocabulary.ts';
import type { UpstreamDown } from './dependencies.ts';
import type { DeadlineExtension } from '../domain/guidance.ts';
import { PUBLISHED_RANK } from './published-state.ts';
import type { StatusSnapshot } from './views.ts';

/** What the public is told about a service: its published state, decided once (`published-state.ts`). */
export type PublicLevel = PublishedState;

export interface PublicServiceState {
  id: string;
  name: Localized;
  level: PublicLevel;
  /** When the level shown began: the probe's state change, the maintenance start, or the incident start. */
  since: Date | null;
  /** Staff declared worse than the probes see. */
  declaredByStaff: boolean;
  /** Services it depends on that are down: said on its line even when it answers itself. */
  upstreamsDown: UpstreamDown[];
  /** Extensions staff published of the service's deadlines. */
  extensions: DeadlineExtension[];
}

/** Severity, for "worst first". */
export function levelRank(level: PublicLevel): number {
  return PUBLISHED_RANK[level];
}

/** Each service's published state as the crisis lists show it; nothing is decided again here. */
export function publicStates(snapshot: Pick<StatusSnapshot, 'services'>): PublicServiceState[] {
  return snapshot.services.map((view) => ({
    id: view.id,
    name: view.name,
    level: view.state,
    since: view.since,
    declaredByStaff: view.declaredByStaff,
    upstreamsDown: view.upstreamsDown,
    extensions: view.extensions,
  }));
}
