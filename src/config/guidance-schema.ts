import { z } from 'zod';
import type { Alternative, Deadline, OfficialChannel } from '../domain/guidance.ts';
import { ALTERNATIVE_KINDS } from '../domain/vocabulary.ts';
import { hoursSchema, resolveHours } from './hours-schema.ts';

/**
 * What a service's catalogue entry says citizens can do when it fails (`alternatives`), the dates
 * at stake (`deadlines`), where its organisation speaks (`officialChannels`), and the catalogue's
 * `crisisAdvice`. Every text is required in both languages: a citizen in a hurry reads one.
 */

const text = z.string().trim().min(1);
const localized = z.object({ fr: text, en: text }).strict();
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and single hyphens');

const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?\d[\d ]{1,22}$/, 'must be a phone number written as it is dialled, digits and spaces ("39 39", "+33 1 23 45 67 89")');

const alternativeSchema = z
  .object({
    kind: z.enum(ALTERNATIVE_KINDS, { error: `must be one of ${ALTERNATIVE_KINDS.map((k) => `"${k}"`).join(', ')}` }),
    label: localized,
    number: phoneNumber.optional(),
    url: httpUrl.optional(),
    hours: hoursSchema.optional(),
    cost: localized.optional(),
  })
  .strict()
  .superRefine((alternative, ctx) => {
    if (alternative.kind === 'phone' && alternative.number === undefined) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'is required for a "phone" alternative: the number to dial' });
    }
    if (alternative.kind === 'web' && alternative.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required for a "web" alternative: the address to go to' });
    }
  });

const deadlineSchema = z
  .object({
    id: slug,
    name: localized,
    at: z.iso.datetime({
      offset: true,
      error: 'must be a date and time with its offset, e.g. "2027-05-22T23:59:00+02:00" (Paris summer time)',
    }),
    url: httpUrl.optional(),
  })
  .strict();

const channelSchema = z.object({ label: localized, url: httpUrl }).strict();

export const guidanceFields = {
  /** Other ways to do what the service does, most useful first: the first one open is shown when it fails. */
  alternatives: z.array(alternativeSchema).max(12).optional(),
  deadlines: z
    .array(deadlineSchema)
    .max(50)
    .superRefine((deadlines, ctx) => {
      const seen = new Set<string>();
      deadlines.forEach((deadline, i) => {
        if (seen.has(deadline.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate deadline id "${deadline.id}"` });
        seen.add(deadline.id);
      });
    })
    .optional(),
  officialChannels: z.array(channelSchema).max(12).optional(),
};

export const crisisAdviceSchema = z.object({ text: localized, url: httpUrl }).strict();

type GuidanceFile = { [K in keyof typeof guidanceFields]?: z.infer<(typeof guidanceFields)[K]> };

export interface ServiceGuidance {
  alternatives: Alternative[];
  deadlines: Deadline[];
  officialChannels: OfficialChannel[];
}

export function resolveGuidance(file: GuidanceFile): ServiceGuidance {
  return {
    alternatives: (file.alternatives ?? []).map((a) => ({
      kind: a.kind,
      label: a.label,
      ...(a.number !== undefined ? { number: a.number } : {}),
      ...(a.url !== undefined ? { url: a.url } : {}),
      hours: a.hours ? resolveHours(a.hours) : null,
      ...(a.cost ? { cost: a.cost } : {}),
    })),
    deadlines: (file.deadlines ?? []).map((d) => ({
      id: d.id,
      name: d.name,
      at: new Date(d.at),
      ...(d.url !== undefined ? { url: d.url } : {}),
    })),
    officialChannels: file.officialChannels ?? [],
  };
}

/** Shown to editors through the JSON Schema, keyed by the field's trail from the top of the file. */
export const GUIDANCE_DESCRIPTIONS: Record<string, string> = {
  'services.alternatives':
    'Other ways to do what this service does, most useful first. When the service is down or degraded, its row and the banner show the first one open now; its page lists them all, open or closed.',
  'services.alternatives.kind': '"phone", "place" (a counter, France services), "paper" (a form to post), "web" (another site) or "mail".',
  'services.alternatives.label':
    'What it is, in French and English, e.g. { "fr": "Allô Service Public", "en": "Allô Service Public helpline" }.',
  'services.alternatives.number': 'The number to dial, written as it is dialled ("39 39"); required for "phone".',
  'services.alternatives.url': 'Where to go or to read more (required for "web"): the locator, the form, the page.',
  'services.alternatives.hours':
    'When it answers, in Paris time, same shape as a service\'s "hours". Without it, it is available at any time.',
  'services.alternatives.cost': 'What it costs, in French and English, e.g. « service gratuit + prix d’un appel ».',
  'services.deadlines':
    'Dates citizens must meet through this service. One within 7 days of an outage is shown next to the service and flagged to staff as threatened; staff can publish an extension.',
  'services.deadlines.id': 'Stable identifier of the deadline within the service (lowercase letters, digits, hyphens).',
  'services.deadlines.name': 'What is due, in French and English.',
  'services.deadlines.at': 'When it is due, as an ISO date and time with its offset, e.g. "2027-05-22T23:59:00+02:00".',
  'services.deadlines.url': 'The official page that states the date.',
  'services.officialChannels': 'Where the organisation itself speaks about the service: its news page, its accounts.',
  'services.officialChannels.label': 'Name of the channel, in French and English.',
  'services.officialChannels.url': 'Its address.',
  crisisAdvice:
    'Shown with the banner when many services are down at once. Default: a warning that no public body asks for bank details by text message or e-mail during an outage, linking to cybermalveillance.gouv.fr.',
  'crisisAdvice.text': 'The advice, in French and English.',
  'crisisAdvice.url': 'Where to read more.',
};
