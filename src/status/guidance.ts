import type { Catalogue, ServiceConfig } from '../config/services-schema.ts';
import { availabilityAt, firstOpenAlternative, type Availability } from '../domain/availability.ts';
import { isDeadlineThreatened, type ServiceTrouble } from '../domain/deadline-threat.ts';
import type { Alternative, Deadline, DeadlineExtension, OfficialChannel } from '../domain/guidance.ts';
import type { Localized, PublishedState } from '../domain/vocabulary.ts';
import type { StatusSnapshot } from './views.ts';

/**
 * What a citizen can do about a service in trouble, computed once from the catalogue's facts and
 * its published state: every surface (row, banner, page, feed, email, webhook) renders this.
 */

const TROUBLED: ReadonlySet<PublishedState> = new Set(['down', 'partial', 'degraded']);

export interface DeadlineView extends Deadline {
  /** The catalogue's date, when staff published an extension; `at` is then the new date. */
  extendedFrom: Date | null;
  /** The official page announcing the extension. */
  extensionUrl: string | null;
}

export interface GuidanceView {
  /** Down, partial or degraded: the only states in which alternatives are pushed forward. */
  troubled: boolean;
  /** The first alternative open now, for a one-line row; null when none is. */
  first: { alternative: Alternative; until: Date | null } | null;
  alternatives: { alternative: Alternative; availability: Availability }[];
  /** Deadlines within a week of a service in trouble, their extensions applied. */
  threatened: DeadlineView[];
  channels: OfficialChannel[];
}

export function deadlineViews(service: Pick<ServiceConfig, 'id' | 'deadlines'>, extensions: readonly DeadlineExtension[]): DeadlineView[] {
  return (service.deadlines ?? []).map((deadline) => {
    const extension = extensions.find((e) => e.serviceId === service.id && e.deadlineId === deadline.id);
    return extension
      ? { ...deadline, at: extension.at, extendedFrom: deadline.at, extensionUrl: extension.url }
      : { ...deadline, extendedFrom: null, extensionUrl: null };
  });
}

export function guidanceFor(
  service: Pick<ServiceConfig, 'id' | 'alternatives' | 'deadlines' | 'officialChannels'> | undefined,
  trouble: ServiceTrouble,
  now: Date,
  extensions: readonly DeadlineExtension[] = [],
): GuidanceView {
  const alternatives = service?.alternatives ?? [];
  const troubled = TROUBLED.has(trouble.state);
  // An extended deadline stays in view while either date is at stake: whoever knew the old one must read that it moved.
  const threatened = service
    ? deadlineViews(service, extensions).filter(
        (d) =>
          isDeadlineThreatened(d.extendedFrom ?? d.at, trouble, now) ||
          (d.extendedFrom !== null && isDeadlineThreatened(d.at, trouble, now)),
      )
    : [];
  return {
    troubled,
    first: troubled ? firstOpenAlternative(alternatives, now) : null,
    alternatives: alternatives.map((alternative) => ({ alternative, availability: availabilityAt(alternative.hours, now) })),
    threatened,
    channels: service?.officialChannels ?? [],
  };
}

/** A crisis: enough services down or degraded at once that the banner carries the crisis advice. */
export function isCrisis(counts: Record<PublishedState, number>, threshold: number): boolean {
  return counts.down + counts.partial + counts.degraded >= threshold;
}

const indexes = new WeakMap<Catalogue, Map<string, ServiceConfig>>();

/** A service's catalogue entry by id; the index is built once per catalogue, since an overview asks for every row. */
export function serviceConfig(catalogue: Catalogue, id: string): ServiceConfig | undefined {
  let index = indexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.services.map((s) => [s.id, s]));
    indexes.set(catalogue, index);
  }
  return index.get(id);
}

export interface ThreatenedDeadline {
  serviceId: string;
  serviceName: Localized;
  state: PublishedState;
  deadline: DeadlineView;
}

/** Every deadline threatened now, across the catalogue, for the staff dashboard: soonest first. */
export function threatenedAcross(catalogue: Catalogue, snapshot: Pick<StatusSnapshot, 'services'>, now: Date): ThreatenedDeadline[] {
  return snapshot.services
    .flatMap((view) =>
      guidanceFor(serviceConfig(catalogue, view.id), { state: view.state, since: view.since }, now, view.extensions).threatened.map(
        (deadline) => ({ serviceId: view.id, serviceName: view.name, state: view.state, deadline }),
      ),
    )
    .sort((a, b) => a.deadline.at.getTime() - b.deadline.at.getTime());
}
