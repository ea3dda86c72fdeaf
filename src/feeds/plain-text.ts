import { absoluteUrl, calendarPath, feedPath, pathFor, STATE_TEXT_PATHS } from '../addresses/routes.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDateTime } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { incidentViews } from '../status/incident-view.ts';
import { serviceNames } from '../status/service-names.ts';
import type { StatusSnapshot } from '../status/views.ts';
import type { Catalogue } from '../config/services-schema.ts';
import { guidanceFor, serviceConfig } from '../status/guidance.ts';
import { alternativeSentence, deadlineSentence } from '../i18n/guidance-words.ts';

/**
 * What assistants and scripts read: the current state in plain text (from the same published
 * state as every page), and `/llms.txt`, a Markdown map of the site and its machine-readable parts.
 */
export function stateText(snapshot: StatusSnapshot, locale: Locale, publicUrl: string, catalogue?: Catalogue): string {
  const d = t(locale);
  // Under a service in trouble, what to do instead, as its row on the overview says it.
  const whatNow = (s: StatusSnapshot['services'][number]): string[] => {
    if (!catalogue) return [];
    const g = guidanceFor(serviceConfig(catalogue, s.id), { state: s.state, since: s.since }, snapshot.generatedAt, s.extensions);
    const first = g.first
      ? [alternativeSentence(g.first.alternative, { open: true, until: g.first.until }, locale, snapshot.generatedAt)]
      : [];
    return [...first, ...g.threatened.map((deadline) => deadlineSentence(deadline, locale))].map((line) => `  - ${line}`);
  };
  const words = d.proof.machines;
  const troubled = snapshot.services.filter((s) => s.state !== 'operational');
  const lines = [
    `# ${words.stateTitle}`,
    '',
    words.generated(formatDateTime(snapshot.generatedAt, locale)),
    words.counts(snapshot.overall.counts.operational, snapshot.services.length),
    '',
    `## ${words.troubled}`,
    ...(troubled.length === 0
      ? [words.noneTroubled]
      : troubled.flatMap((s) => [`- ${s.name[locale]}: ${d.states[s.state]}`, ...whatNow(s)])),
    '',
    `## ${words.openIncidents}`,
    ...(snapshot.openIncidents.length === 0
      ? [words.noIncidents]
      : incidentViews(snapshot.openIncidents, { locale, names: serviceNames(snapshot), now: snapshot.generatedAt }).map(
          (i) =>
            `- ${i.title.text} (${d.incidentStatuses[i.status]}): ${absoluteUrl(publicUrl, pathFor(locale, { page: 'incident', id: i.id }))}`,
        )),
    '',
    words.more(absoluteUrl(publicUrl, pathFor(locale, { page: 'overview' }))),
  ];
  return `${lines.join('\n')}\n`;
}

export function llmsText(publicUrl: string): string {
  const url = (path: string) => absoluteUrl(publicUrl, path);
  const fr = t('fr');
  const en = t('en');
  return `# Vigie

> ${en.proof.machines.llmsIntro}
> ${fr.proof.machines.llmsIntro}

## Current state

- [Status in plain text (English)](${url(STATE_TEXT_PATHS.en)})
- [État en texte brut (français)](${url(STATE_TEXT_PATHS.fr)})
- [Statuspage-compatible summary (JSON)](${url('/api/v2/summary.json')}): components, unresolved incidents, maintenance
- [Overview (English)](${url(pathFor('en', { page: 'overview' }))}), [vue d'ensemble (français)](${url(pathFor('fr', { page: 'overview' }))})

## Feeds and calendars

- [Incidents and maintenance, RSS (English)](${url(feedPath('en', 'rss'))}), [Atom](${url(feedPath('en', 'atom'))})
- [Incidents et maintenances, RSS (français)](${url(feedPath('fr', 'rss'))})
- [Planned maintenance and closures, iCalendar](${url(calendarPath('en'))})

## Proof anyone can check

- [Availability reports (English)](${url(pathFor('en', { page: 'reports' }))}), [rapports de disponibilité](${url(pathFor('fr', { page: 'reports' }))}): monthly, quarterly and yearly, also as CSV and JSON
- [Open data package](${url('/data/datapackage.json')}): daily check results as CSV, described in Frictionless Data
- [Hash chain of the daily files](${url('/data/chain.json')})
- [Public key of the signed attestations of unavailability](${url('/.well-known/vigie-signing-key.pem')})
`;
}
