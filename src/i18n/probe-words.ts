import { checkFinding, type CheckFinding } from '../domain/check-finding.ts';
import type { OutageObservation, ProbeObservation } from '../domain/records.ts';
import type { Incident, IncidentUpdate } from '../domain/incident-records.ts';
import type { Draft, Locale, Localized } from '../domain/vocabulary.ts';
import { formatDuration, formatList } from './format.ts';
import { t } from './index.ts';
import { updateBody } from './update-body.ts';

/**
 * The words of automatic incidents, rendered when read from what the probes saw (`observed`), in
 * today's dictionaries: a wording fix reaches every past incident. Rows written before the probe
 * kept facts carry their own text and are shown as stored.
 */

type Wording = Exclude<CheckFinding, 'slow'> | 'other';

function wordingOf(seen: OutageObservation): Wording {
  const finding = checkFinding(seen.checkKind, seen.outcome, seen.step?.number ?? null);
  if (finding === null || finding === 'slow') return 'other';
  return finding === 'step_fails' && seen.step === null ? 'unexpected_answer' : finding;
}

const both = (words: (locale: Locale) => string): Localized => ({ fr: words('fr'), en: words('en') });

/** « impots.gouv.fr : le site affiche une erreur »: the service's name needs no article before a colon. */
export function outageTitle(seen: OutageObservation, name: Localized): Localized {
  return both((locale) => `${name[locale]}${t(locale).colon}${t(locale).outage.titles[wordingOf(seen)]}`);
}

/** What the probes saw, where, and what the page will do; nothing they cannot know. */
export function outageText(seen: OutageObservation): Localized {
  const wording = wordingOf(seen);
  return both((locale) => {
    const d = t(locale).outage;
    const sentences = [wording === 'step_fails' ? d.seen.step_fails(seen.domain, seen.step!.name[locale]) : d.seen[wording](seen.domain)];
    if (wording !== 'beat_missing') sentences.push(d.sameProblem);
    if (seen.locations.length > 0)
      sentences.push(
        d.where(
          formatList(
            seen.locations.map((l) => l[locale]),
            locale,
          ),
        ),
      );
    sentences.push(d.followUp(seen.domain));
    return sentences.join(' ');
  });
}

export function recoveryText(domain: string, seconds: number): Localized {
  return both((locale) => t(locale).outage.recovered(domain, formatDuration(seconds, locale)));
}

export function observedText(
  observed: ProbeObservation,
  incident: Pick<Incident, 'startedAt'>,
  update: Pick<IncidentUpdate, 'createdAt'>,
): Localized {
  if (observed.type === 'outage') return outageText(observed);
  return recoveryText(observed.domain, (update.createdAt.getTime() - incident.startedAt.getTime()) / 1000);
}

/**
 * The incident with its words as shown: the probe's title (until staff take it over and write
 * their own) and the probe's and Vigie's updates worded from the dictionaries; staff text as written.
 * `name`: the name of the service whose outage opened it.
 */
export function withShownWords(incident: Incident, name: Localized): Incident {
  const opening = incident.updates.find((u) => u.observed?.type === 'outage')?.observed;
  const probeTitle = incident.kind === 'auto' && incident.takenOverBy === null && opening?.type === 'outage';
  return {
    ...incident,
    title: probeTitle ? outageTitle(opening, name) : incident.title,
    updates: incident.updates.map((u) => ({ ...u, body: u.observed ? observedText(u.observed, incident, u) : updateBody(u) })),
  };
}

/** The title as shown, for lists that show nothing else of an incident. */
export function shownTitle(incident: Incident, name: Localized): Draft {
  return withShownWords(incident, name).title;
}
