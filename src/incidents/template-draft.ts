import type { Catalogue } from '../config/services-schema.ts';
import { filledTemplate, type IncidentTemplate } from '../domain/templates.ts';
import { templateValues } from './template-values.ts';

/** The form fields a picked template fills: title and message in both languages, variables filled. */
export function templateDraft(
  template: IncidentTemplate | undefined,
  catalogue: Pick<Catalogue, 'services' | 'locations'>,
  context: { serviceIds: readonly string[]; start: Date | null },
): Record<string, string> {
  if (!template) return {};
  const { title, body } = filledTemplate(template, templateValues(catalogue, context.serviceIds, context.start));
  return { titleFr: title.fr, titleEn: title.en, bodyFr: body.fr, bodyEn: body.en };
}
