import { z } from 'zod';
import type { Catalogue } from '../config/services-schema.ts';
import { LOCALES, type Locale } from '../domain/vocabulary.ts';

/** What the subscribe and manage forms say wrong, per field; the pages word it. */
export const SUBSCRIPTION_ERRORS = ['invalid_email', 'no_service'] as const;
export type SubscriptionError = (typeof SUBSCRIPTION_ERRORS)[number];
export type SubscriptionErrors = Partial<Record<'email' | 'services', SubscriptionError>>;

export interface Choices {
  locale: Locale;
  /** null: every service. */
  serviceIds: string[] | null;
}

const choicesSchema = z.object({
  scope: z.enum(['all', 'chosen']).catch('all'),
  services: z.array(z.string()).catch([]),
  language: z.enum(LOCALES).catch('fr'),
});

/** Pure: the service and language choices of a posted form; unknown services are dropped, none chosen is an error. */
export function parseChoices(form: Record<string, unknown>, catalogue: Catalogue): { choices: Choices; errors: SubscriptionErrors } {
  const raw = choicesSchema.parse(form);
  const known = new Set(catalogue.services.map((s) => s.id));
  const chosen = [...new Set(raw.services.filter((id) => known.has(id)))];
  const serviceIds = raw.scope === 'all' ? null : chosen;
  return { choices: { locale: raw.language, serviceIds }, errors: serviceIds?.length === 0 ? { services: 'no_service' } : {} };
}

const emailSchema = z.email().max(254);

export function parseEmail(form: Record<string, unknown>): string | null {
  const parsed = emailSchema.safeParse(typeof form.email === 'string' ? form.email.trim() : '');
  return parsed.success ? parsed.data : null;
}
