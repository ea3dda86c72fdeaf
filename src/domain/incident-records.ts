import type { ProbeObservation } from './records.ts';
import type { Draft, Impact, IncidentKind, IncidentStatus, IncidentUpdateReason } from './vocabulary.ts';

/** Incidents and maintenance windows as the store keeps them, and what staff send to make them. */
export interface AffectedService {
  serviceId: string;
  impact: Impact;
}

export interface BodyRevision {
  body: Draft;
  editedAt: Date;
  editor: string;
}

export interface IncidentUpdate {
  id: string;
  incidentId: string;
  status: IncidentStatus;
  body: Draft;
  createdAt: Date;
  /** Staff email, or "probe" for automatic updates. */
  author: string;
  editedAt: Date | null;
  /** Earlier versions of the body, oldest first (shown to staff only). */
  history: BodyRevision[];
  /** Set when Vigie closed the incident for a catalogue edit: its words come from the dictionaries, not `body`. */
  reason: IncidentUpdateReason | null;
  /** When staff promised the next update; null: the default delay for the impact (see domain/next-update.ts). */
  nextUpdateAt: Date | null;
  /**
   * Set on the probe's own updates (opening, recovery): what it saw, worded when read; `body` is
   * empty then. Null on staff updates and on the probe's updates written before it kept facts.
   */
  observed: ProbeObservation | null;
}

export interface Incident {
  id: string;
  kind: IncidentKind;
  /** For automatic incidents: the service whose outage opened it. */
  serviceId: string | null;
  title: Draft;
  status: IncidentStatus;
  affected: AffectedService[];
  startedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** Staff have written the human notice for an automatic outage. */
  takenOverBy: string | null;
  /** Oldest first. */
  updates: IncidentUpdate[];
}

export interface NewIncident {
  title: Draft;
  status: IncidentStatus;
  affected: AffectedService[];
  body: Draft;
  author: string;
  at: Date;
  startedAt?: Date;
  /** When staff promise the next update; absent or null: the default for the impact. */
  nextUpdateAt?: Date | null;
}

export interface NewIncidentUpdate {
  status: IncidentStatus;
  body: Draft;
  author: string;
  at: Date;
  /** Replace the title (e.g. when staff take over an automatic outage). */
  title?: Draft;
  /** Replace the affected services and their impact. */
  affected?: AffectedService[];
  /** Marks an automatic incident as taken over by this staff member. */
  takeOver?: boolean;
  /** When staff promise the next update; absent or null: the default for the impact. */
  nextUpdateAt?: Date | null;
}

export interface Maintenance {
  id: string;
  title: Draft;
  body: Draft;
  serviceIds: string[];
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  author: string;
}

export interface NewMaintenance {
  title: Draft;
  body: Draft;
  serviceIds: string[];
  startsAt: Date;
  endsAt: Date;
  author: string;
  at: Date;
}
