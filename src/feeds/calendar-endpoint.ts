import type { APIContext, APIRoute } from 'astro';
import { absoluteUrl, pathFor } from '../addresses/routes.ts';
import { addParisDays, parisDayKey } from '../domain/paris-time.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatList } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { localText } from '../i18n/local-text.ts';
import { loadMaintenanceHistory, UPTIME_DAYS } from '../status/load.ts';
import type { SiteContext } from '../web/context.ts';
import { closuresOf, maintenanceEvent, renderCalendar, type CalendarEvent } from './calendar.ts';

/** The calendar of every service's planned maintenance and dated closures, or of one service's; null for an unknown service. */
export async function buildCalendar(site: SiteContext, locale: Locale, serviceId: string | undefined, now: Date): Promise<string | null> {
  const services = serviceId ? site.catalogue.services.filter((s) => s.id === serviceId) : site.catalogue.services;
  if (serviceId && services.length === 0) return null;
  const words = t(locale).proof.calendars;
  const host = new URL(site.settings.VIGIE_PUBLIC_URL).host;
  const url = (path: string) => absoluteUrl(site.settings.VIGIE_PUBLIC_URL, path);
  const name = (id: string) => site.catalogue.services.find((s) => s.id === id)?.name[locale] ?? id;
  const windows = await loadMaintenanceHistory(site, now, { includeCancelled: true });
  const events: CalendarEvent[] = windows
    .filter((m) => !serviceId || m.serviceIds.includes(serviceId))
    .map((m) => {
      const body = localText(m.body, locale).text;
      const lines = [...(m.cancelledAt ? [words.cancelled] : []), body, words.services(formatList(m.serviceIds.map(name), locale))];
      return maintenanceEvent(m, {
        summary: words.maintenance(localText(m.title, locale).text),
        description: lines.join('\n\n'),
        url: url(pathFor(locale, { page: 'maintenance' })),
        host,
      });
    });
  const since = addParisDays(parisDayKey(now), -UPTIME_DAYS);
  for (const service of services) {
    for (const closure of closuresOf(service.hours, since)) {
      events.push({
        uid: `closure-${service.id}-${closure.start.toISOString()}@${host}`,
        start: closure.start,
        end: closure.end,
        summary: words.closure(service.name[locale]),
        description: words.closureBody(service.name[locale]),
        url: url(pathFor(locale, { page: 'service', id: service.id })),
        stamp: closure.start,
        sequence: 0,
        cancelled: false,
      });
    }
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  return renderCalendar({ name: serviceId ? words.serviceName(name(serviceId)) : words.name, events });
}

export function calendarEndpoint(locale: Locale, perService = false): { GET: APIRoute; HEAD: APIRoute } {
  const GET: APIRoute = async ({ locals, params }: APIContext) => {
    const body = await buildCalendar(locals.ctx, locale, perService ? String(params.id ?? '') : undefined, new Date());
    if (body === null) {
      return new Response(t(locale).notFound.service, {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      });
    }
    return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
  };
  return { GET, HEAD: GET };
}
