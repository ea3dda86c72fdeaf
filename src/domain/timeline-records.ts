import type { ProbeObservation } from './records.ts';
import type { AuditAction, Draft, IncidentKind, IncidentStatus, IncidentUpdateReason, ServiceState } from './vocabulary.ts';

/** A change of state one location's tracking made, as stored for the timeline export. */
export interface StateChange {
  serviceId: string;
  location: string;
  at: Date;
  from: ServiceState;
  to: ServiceState;
}

/** An incident update as the timeline lists it: what was said, when, and by whom in kind only. */
export interface TimelineUpdate {
  incidentId: string;
  updateId: string;
  incidentKind: IncidentKind;
  title: Draft;
  at: Date;
  status: IncidentStatus;
  body: Draft;
  /** The probe wrote it, or staff did (never which member of staff: no personal data leaves). */
  byProbe: boolean;
  /** What an automatic incident's words are rendered from (see `i18n/probe-words.ts`); stored text is used otherwise. */
  words: {
    serviceId: string | null;
    incidentStartedAt: Date;
    takenOver: boolean;
    observed: ProbeObservation | null;
    /** The incident's first observation: its automatic title is worded from it. */
    opening: ProbeObservation | null;
    reason: IncidentUpdateReason | null;
  };
}

/** A staff action as the timeline lists it: what was done to what, never who or from where. */
export interface TimelineStaffAction {
  at: Date;
  action: AuditAction;
  target: string | null;
}

export interface TimelineRows {
  stateChanges: StateChange[];
  updates: TimelineUpdate[];
  staffActions: TimelineStaffAction[];
}
