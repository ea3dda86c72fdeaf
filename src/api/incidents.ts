import type { IncidentStatus, Locale, ShownIncidentStatus } from '../domain/vocabulary.ts';
import { localText } from '../i18n/local-text.ts';
import type { Maintenance } from '../domain/incident-records.ts';
import type { AffectedView, IncidentView } from '../status/incident-view.ts';
import { isoParis } from '../domain/paris-time.ts';
import type { SpComponent, SpImpact, SpIncident, SpMaintenance, SpMaintenanceStatus } from './statuspage-types.ts';

export interface IncidentMapContext {
  pageId: string;
  locale: Locale;
  /** Absolute URL of the incident page, or of the maintenance page, in the wanted language. */
  incidentUrl: (id: string) => string;
  maintenanceUrl: string;
  /** This service's component as the components list shows it, or null when it left the catalogue. */
  component: (serviceId: string) => SpComponent | null;
  serviceCount: number;
  now: Date;
}

/**
 * Incident impact, consistent with the page indicator: major impact on a third of the services or
 * more is critical, major impact is major, any other impact minor, no affected service none.
 */
export function incidentImpact(affected: readonly Pick<AffectedView, 'impact'>[], serviceCount: number): SpImpact {
  if (affected.length === 0) return 'none';
  const majors = affected.filter((a) => a.impact === 'major').length;
  if (majors > 0 && serviceCount > 0 && majors * 3 >= serviceCount) return 'critical';
  return majors > 0 ? 'major' : 'minor';
}

function componentsOf(ids: string[], ctx: IncidentMapContext): SpComponent[] {
  return ids.map((id) => ctx.component(id)).filter((c): c is SpComponent => c !== null);
}

/** Statuspage has no status for a detection nobody has analysed yet: its clients know `investigating`. */
function spStatus(status: ShownIncidentStatus): IncidentStatus {
  return status === 'detected' ? 'investigating' : status;
}

/** Updates newest first, as Statuspage lists them. Text falls back to French while English is pending. */
export function toSpIncident(incident: IncidentView, ctx: IncidentMapContext): SpIncident {
  const monitoring = incident.updates.find((u) => u.status === 'monitoring');
  return {
    id: incident.id,
    name: incident.title.text,
    status: spStatus(incident.status),
    impact: incidentImpact(incident.affected, ctx.serviceCount),
    created_at: isoParis(incident.createdAt),
    updated_at: isoParis(incident.updatedAt),
    monitoring_at: monitoring ? isoParis(monitoring.createdAt) : null,
    resolved_at: incident.resolvedAt ? isoParis(incident.resolvedAt) : null,
    shortlink: ctx.incidentUrl(incident.id),
    started_at: isoParis(incident.startedAt),
    page_id: ctx.pageId,
    incident_updates: [...incident.updates].reverse().map((u) => ({
      id: u.id,
      status: spStatus(u.status),
      body: u.body.text,
      incident_id: incident.id,
      created_at: isoParis(u.createdAt),
      updated_at: isoParis(u.editedAt ?? u.createdAt),
      display_at: isoParis(u.createdAt),
      affected_components: null,
    })),
    components: componentsOf(
      incident.affected.map((a) => a.serviceId),
      ctx,
    ),
  };
}

export function maintenanceStatus(m: Maintenance, now: Date): SpMaintenanceStatus {
  if (now.getTime() < m.startsAt.getTime()) return 'scheduled';
  return now.getTime() < m.endsAt.getTime() ? 'in_progress' : 'completed';
}

/** A maintenance as Statuspage's scheduled maintenance: impact `none`, one announcement update. */
export function toSpMaintenance(m: Maintenance, ctx: IncidentMapContext): SpMaintenance {
  const status = maintenanceStatus(m, ctx.now);
  const body = localText(m.body, ctx.locale).text;
  return {
    id: m.id,
    name: localText(m.title, ctx.locale).text,
    status,
    impact: 'none',
    created_at: isoParis(m.createdAt),
    updated_at: isoParis(m.updatedAt),
    monitoring_at: null,
    resolved_at: status === 'completed' ? isoParis(m.endsAt) : null,
    shortlink: `${ctx.maintenanceUrl}#maintenance-${m.id}`,
    started_at: isoParis(m.startsAt),
    page_id: ctx.pageId,
    incident_updates: [
      {
        id: `${m.id}-announced`,
        status: 'scheduled',
        body,
        incident_id: m.id,
        created_at: isoParis(m.createdAt),
        updated_at: isoParis(m.updatedAt),
        display_at: isoParis(m.createdAt),
        affected_components: null,
      },
    ],
    components: componentsOf(m.serviceIds, ctx),
    scheduled_for: isoParis(m.startsAt),
    scheduled_until: isoParis(m.endsAt),
  };
}
