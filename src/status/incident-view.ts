import { affectedOf, IMPACT_STATE, incidentState, shownStatus, shownUpdateStatus, type ImpactSource } from '../domain/incident-scope.ts';
import type { Incident } from '../domain/incident-records.ts';
import type { Impact, IncidentKind, Locale, PublishedState, ShownIncidentStatus } from '../domain/vocabulary.ts';
import { localName, localText, type LocalText } from '../i18n/local-text.ts';
import { withShownWords } from '../i18n/probe-words.ts';
import { nameOf, type ServiceNames } from './service-names.ts';

/**
 * An incident as every surface shows it, built once per language: the pages and cards, the feeds,
 * the Statuspage API and the static copy render this and decide nothing of their own (which
 * services, which impact, which state, which text when English is missing).
 */
export interface IncidentView {
  id: string;
  kind: IncidentKind;
  locale: Locale;
  title: LocalText;
  /** `detected` while the incident is the probe's alone. */
  status: ShownIncidentStatus;
  /** Its worst impact as a published state; `operational` once resolved. */
  state: PublishedState;
  /** Opened by the probe and not taken over by staff: its words are the probe's. */
  automatic: boolean;
  /** For automatic incidents: the service whose outage opened it. */
  serviceId: string | null;
  affected: AffectedView[];
  startedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** From start to resolution, or to now while it lasts. */
  durationSeconds: number;
  /** Oldest first. */
  updates: UpdateView[];
}

export interface AffectedView {
  serviceId: string;
  /** The catalogue's name, or the id of a service that left it. */
  name: { text: string; lang: Locale };
  impact: Impact;
  state: PublishedState;
  declaredBy: ImpactSource;
  /** The upstream it is affected because of: listed in that upstream's automatic incident (see `incidents/root-cause.ts`). */
  through: { text: string; lang: Locale } | null;
}

export interface UpdateView {
  id: string;
  status: ShownIncidentStatus;
  /** Markdown. */
  body: LocalText;
  createdAt: Date;
  editedAt: Date | null;
  /** When staff promised the next update with this one; null: the default for the impact. */
  nextUpdateAt: Date | null;
}

export interface ViewContext {
  locale: Locale;
  names: ServiceNames;
  now: Date;
}

/** `record`: an incident as the store or the read model gives it; the probe's facts are worded here. */
export function incidentView(record: Incident, ctx: ViewContext): IncidentView {
  const { locale } = ctx;
  const incident = withShownWords(record, nameOf(ctx.names, record.serviceId ?? ''));
  const end = incident.resolvedAt ?? ctx.now;
  return {
    id: incident.id,
    kind: incident.kind,
    locale,
    title: localText(incident.title, locale),
    status: shownStatus(incident),
    state: incidentState(incident),
    automatic: incident.kind === 'auto' && incident.takenOverBy === null,
    serviceId: incident.serviceId,
    affected: affectedOf(incident).map((a) => ({
      serviceId: a.serviceId,
      name: localName(nameOf(ctx.names, a.serviceId), locale),
      impact: a.impact,
      state: IMPACT_STATE[a.impact],
      declaredBy: a.declaredBy,
      // An automatic incident is its own service's outage: any other service it lists joined it as a dependent.
      through:
        incident.kind === 'auto' && incident.serviceId !== null && a.serviceId !== incident.serviceId
          ? localName(nameOf(ctx.names, incident.serviceId), locale)
          : null,
    })),
    startedAt: incident.startedAt,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    resolvedAt: incident.resolvedAt,
    durationSeconds: Math.max(0, (end.getTime() - incident.startedAt.getTime()) / 1000),
    updates: incident.updates.map((u) => ({
      id: u.id,
      status: shownUpdateStatus(u),
      body: localText(u.body, locale),
      createdAt: u.createdAt,
      editedAt: u.editedAt,
      nextUpdateAt: u.nextUpdateAt,
    })),
  };
}

/** The views of a list of incidents, in its order. */
export function incidentViews(incidents: readonly Incident[], ctx: ViewContext): IncidentView[] {
  return incidents.map((i) => incidentView(i, ctx));
}
