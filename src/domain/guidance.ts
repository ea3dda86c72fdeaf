import type { ServiceHours } from './service-hours.ts';
import type { AlternativeKind, Localized } from './vocabulary.ts';

/**
 * What the catalogue tells citizens to do when a service fails: another way to do it, the dates
 * that may be at stake, and where the organisation itself speaks.
 */

export interface Alternative {
  kind: AlternativeKind;
  label: Localized;
  /** A phone number as it is dialled and written ("39 39"). */
  number?: string;
  url?: string;
  /** Paris wall-clock opening hours; null when it is available at any time (a form, a web page). */
  hours: ServiceHours | null;
  /** What it costs the caller ("service gratuit + prix d'un appel"). */
  cost?: Localized;
}

export interface Deadline {
  id: string;
  name: Localized;
  at: Date;
  /** The official page that states the date. */
  url?: string;
}

/** The organisation's own news page or account, where it speaks about its outage. */
export interface OfficialChannel {
  label: Localized;
  url: string;
}

/** Shown with the banner in a crisis; the dictionaries hold the default (a scam warning). */
export interface CrisisAdvice {
  text: Localized;
  url: string;
}

/** An extension staff published: a deadline's new date and the official page announcing it. */
export interface DeadlineExtension {
  serviceId: string;
  deadlineId: string;
  at: Date;
  url: string;
  author: string;
  publishedAt: Date;
}
