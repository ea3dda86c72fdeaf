import type { Localized } from './vocabulary.ts';

/**
 * Incident templates: words written once, calmly, for the hour of the crisis (a denial-of-service
 * attack, a maintenance that runs late, a deadline pushed back). Both languages; `{services}`,
 * `{start}`, `{until}` and `{locations}` are filled in when staff pick one, and a variable with no
 * value stays as written, for staff to complete.
 */
export interface IncidentTemplate {
  id: string;
  name: Localized;
  title: Localized;
  body: Localized;
  updatedAt: Date;
}

export const TEMPLATE_VARIABLES = ['services', 'start', 'until', 'locations'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, Localized>>;

export function fillTemplate(text: string, values: TemplateValues, locale: keyof Localized): string {
  return text.replace(/\{(services|start|until|locations)\}/g, (whole, name: TemplateVariable) => values[name]?.[locale] ?? whole);
}

/** The template's title and body in both languages, filled. */
export function filledTemplate(template: IncidentTemplate, values: TemplateValues): { title: Localized; body: Localized } {
  const fill = (text: Localized): Localized => ({ fr: fillTemplate(text.fr, values, 'fr'), en: fillTemplate(text.en, values, 'en') });
  return { title: fill(template.title), body: fill(template.body) };
}
