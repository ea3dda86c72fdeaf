import type { TimelineRows } from '../domain/timeline-records.ts';
import { observedText, outageTitle } from '../i18n/probe-words.ts';
import { updateBody } from '../i18n/update-body.ts';
import { nameOf, type ServiceNames } from '../status/service-names.ts';

/**
 * The timeline's incident updates with the words every page shows: an automatic incident's title
 * and updates are worded from what the probes saw, as when read anywhere else (`probe-words.ts`).
 */
export function withTimelineWords(rows: TimelineRows, names: ServiceNames): TimelineRows {
  return {
    ...rows,
    updates: rows.updates.map((u) => {
      const { words } = u;
      const name = nameOf(names, words.serviceId ?? '');
      const probeTitle = u.incidentKind === 'auto' && !words.takenOver && words.opening?.type === 'outage';
      return {
        ...u,
        title: probeTitle && words.opening?.type === 'outage' ? outageTitle(words.opening, name) : u.title,
        body: words.observed
          ? observedText(words.observed, { startedAt: words.incidentStartedAt }, { createdAt: u.at })
          : updateBody({ body: u.body, reason: words.reason }),
      };
    }),
  };
}
