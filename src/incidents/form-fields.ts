import { z } from 'zod';
import type { Catalogue } from '../config/services-schema.ts';
import { IMPACTS, INCIDENT_STATUSES, type Draft } from '../domain/vocabulary.ts';
import type { AffectedService } from '../domain/incident-records.ts';
import { frenchSpacing } from '../i18n/french-spacing.ts';
import { MAX_MARKDOWN_LENGTH } from './markdown.ts';
import { addParisDays, parisDayKey, parisWallClockToUtc } from '../domain/paris-time.ts';
import { FIELD_ERRORS, type FieldError, type FieldErrors } from './service-context.ts';

/** Zod pieces shared by the staff forms; messages are FieldError codes the UI translates. */
export const TITLE_MAX_LENGTH = 160;

const text = (max: number) => z.string({ error: 'required' }).trim().max(max, { error: 'too_long' });
const requiredText = (max: number) => text(max).min(1, { error: 'required' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'too_long' }).default('');

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

export const statusField = z.enum(INCIDENT_STATUSES, { error: 'invalid' });

// French is published with French spacing whatever spaces were typed; English is left as typed.
export const titleFields = { titleFr: requiredText(TITLE_MAX_LENGTH).transform(frenchSpacing), titleEn: optionalText(TITLE_MAX_LENGTH) };
export const bodyFields = { bodyFr: requiredText(MAX_MARKDOWN_LENGTH).transform(frenchSpacing), bodyEn: optionalText(MAX_MARKDOWN_LENGTH) };

/** English is required unless staff ticked "publish now, translation to follow". */
export function requireEnglish(fields: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (value.translationLater === true) return;
    for (const field of fields) {
      if (value[field] === '') ctx.addIssue({ code: 'custom', path: [field], message: 'required_en' });
    }
  };
}

export function toDraft(fr: string, en: string): Draft {
  return { fr, en: en === '' ? null : en };
}

/** `impact.<serviceId>` selects: "" means not affected. Ids must exist in the catalogue. */
export function affectedField(catalogue: Catalogue, options: { atLeastOne: boolean }) {
  const known = new Set(catalogue.services.map((s) => s.id));
  return z
    .record(z.string(), z.union([z.literal(''), z.enum(IMPACTS)], { error: 'invalid' }))
    .default({})
    .superRefine((impacts, ctx) => {
      const chosen = Object.entries(impacts).filter(([, impact]) => impact !== '');
      if (chosen.some(([id]) => !known.has(id))) ctx.addIssue({ code: 'custom', message: 'unknown_service' });
      else if (options.atLeastOne && chosen.length === 0) ctx.addIssue({ code: 'custom', message: 'no_service' });
    })
    .transform((impacts): AffectedService[] =>
      Object.entries(impacts).flatMap(([serviceId, impact]) => (impact === '' ? [] : [{ serviceId, impact }])),
    );
}

/** Zod issues → one code per top-level field (the first problem found). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    const code = (FIELD_ERRORS as readonly string[]).includes(issue.message) ? (issue.message as FieldError) : 'invalid';
    errors[field] ??= code;
  }
  return errors;
}

/**
 * `nextUpdate`, a Paris time ("15:30") staff promise their next word by: the next such time after
 * now (today, or tomorrow once it has passed). Empty leaves it to the default for the impact.
 */
export function nextUpdateField(now: Date) {
  return z
    .string()
    .trim()
    .default('')
    .transform((text, ctx): Date | null => {
      if (text === '') return null;
      const today = parisDayKey(now);
      const at = parisWallClockToUtc(today, text);
      const due = at && at.getTime() > now.getTime() ? at : parisWallClockToUtc(addParisDays(today, 1), text);
      if (!due) ctx.addIssue({ code: 'custom', message: 'invalid_time' });
      return due;
    });
}
