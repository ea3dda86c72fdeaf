import type { Locale, PublishedState } from '../domain/vocabulary.ts';
import { formatDateTimeZoned } from './format.ts';
import { t } from './index.ts';

/**
 * The sentence that goes with a published state when the state word alone would mislead: declared
 * by staff rather than seen by the probe, or closed as planned until a given time. Shared by the
 * pages, the API, the feeds and the badge so they say it the same way.
 */
export function publishedNote(
  view: { state: PublishedState; declaredByStaff: boolean; opensAt: Date | null },
  locale: Locale,
): string | null {
  const d = t(locale).published;
  if (view.declaredByStaff) return d.declaredByStaff;
  if (view.state !== 'closed') return null;
  return view.opensAt ? d.opensAt(formatDateTimeZoned(view.opensAt, locale)) : d.noOpening;
}
