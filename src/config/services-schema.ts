import { z } from 'zod';
import type { ServiceHours } from '../domain/service-hours.ts';
import { crossCheckChecks } from './check-cross-checks.ts';
import { checkSchema, statusRange } from './check-schema.ts';
import { dependencyIssues } from './dependency-checks.ts';
import { formerIdClashes } from './former-ids.ts';
import { crisisAdviceSchema, guidanceFields, resolveGuidance, type ServiceGuidance } from './guidance-schema.ts';
import { hoursSchema, resolveHours } from './hours-schema.ts';
import type { CrisisAdvice } from '../domain/guidance.ts';
import { operatorSchema, type OperatorFacts } from './operator-schema.ts';
import { reportsSchema, resolveReportThresholds } from './report-schema.ts';
import type { ReportThresholds } from '../domain/report-thresholds.ts';
import { resolveCheck, type ServiceCheck } from './service-check.ts';

/**
 * The catalogue (`services.json`): what Vigie watches. Types come from this schema; the JSON Schema
 * published for editors is generated from it too.
 */

const localized = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

/**
 * A service's name alone, as notices, feeds and titles write it: the official name (the same in
 * both languages, marked French on English pages), or a name that has an official English form.
 */
const serviceName = z.union([z.string().trim().min(1), localized], {
  error: (issue) =>
    issue.input === undefined
      ? 'is required: add it (the official name in double quotes)'
      : 'must be the official name in double quotes (put an explanation in "gloss"), or { "fr": "…", "en": "…" }',
});

/** A short explanation shown next to the name in lists, in either or both languages. */
const gloss = z
  .object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) })
  .partial()
  .strict()
  .refine((g) => g.fr !== undefined || g.en !== undefined, 'must give "fr", "en" or both');

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and single hyphens');

export const detectionSchema = z
  .object({
    failuresBeforeDown: z.number().int().min(1).max(20),
    successesBeforeUp: z.number().int().min(1).max(20),
    /** Locations that must confirm an outage; default: a strict majority of those voting. */
    quorum: z.number().int().min(1).max(50),
  })
  .strict();

/** A vantage point a probe can run from (`VIGIE_LOCATION`). */
const locationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1 to 40 lowercase letters, digits or hyphens'),
    name: localized,
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code such as "FR"'),
  })
  .strict();

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

/** Fields a service may set, and that `defaults` may set for every service. */
const checkFields = {
  interval: z.number().int().min(1).max(86_400),
  timeout: z.number().min(0.1).max(120),
  expectStatus: statusRange,
  keyword: z.string().min(1).max(500),
  slowMs: z.number().int().min(1).max(120_000),
  allowPrivateNetwork: z.boolean(),
  detection: detectionSchema.partial(),
};

export const CHECK_DEFAULTS = {
  interval: 60,
  timeout: 10,
  expectStatus: '200-399',
  slowMs: 3000,
  allowPrivateNetwork: false,
} as const;

export const DETECTION_DEFAULTS = { failuresBeforeDown: 3, successesBeforeUp: 2 } as const;

const checkFieldsSchema = z.object(checkFields).strict();

export const serviceSchema = z
  .object({
    id: slug,
    name: serviceName,
    gloss: gloss.optional(),
    description: localized.optional(),
    category: slug,
    /** Other names citizens search by: former names, acronyms, everyday words ("carte grise"). */
    aliases: z.array(z.string().trim().min(1).max(80)).max(30).optional(),
    url: httpUrl,
    hours: hoursSchema.optional(),
    /** What the probe does; without it, the HTTP check of `url` (see `check-schema.ts`). */
    check: checkSchema.optional(),
    /** Ids this service had before: what was stored under them (history, open incident, subscriptions) carries on under `id`. */
    formerIds: z.array(slug).min(1).max(20).optional(),
    /** Services this one relies on (a sign-in provider): their outage is said on this one's page, and opens one incident for all. */
    dependsOn: z.array(slug).min(1).max(20).optional(),
    /**
     * Read from the service's own status page (Statuspage v2): instead of checked by Vigie, or,
     * with a `check`, besides it (Vigie's measurement stays the service's state).
     */
    upstream: z
      .object({
        statuspage: z.url({
          protocol: /^https?$/,
          error: 'must be the http or https URL of a Statuspage v2 summary, such as https://status.example.com/api/v2/summary.json',
        }),
        component: z.string().trim().min(1).max(200),
      })
      .strict()
      .optional(),
    ...guidanceFields,
  })
  .extend(checkFieldsSchema.partial().shape)
  .strict();

export const catalogueSchema = z
  .object({
    $schema: z.string().optional(),
    categories: z.array(z.object({ id: slug, name: localized }).strict()).min(1),
    services: z.array(serviceSchema).min(1),
    defaults: checkFieldsSchema.partial().optional(),
    detection: detectionSchema.partial().optional(),
    canaries: z.array(httpUrl).optional(),
    locations: z.array(locationSchema).min(1).max(50).optional(),
    operator: operatorSchema.optional(),
    reports: reportsSchema.optional(),
    crisisAdvice: crisisAdviceSchema.optional(),
  })
  .strict()
  .superRefine(
    (catalogue, ctx) => {
      const seenLocations = new Set<string>();
      catalogue.locations?.forEach((location, i) => {
        if (seenLocations.has(location.id)) {
          ctx.addIssue({ code: 'custom', path: ['locations', i, 'id'], message: `duplicate location id "${location.id}"` });
        }
        seenLocations.add(location.id);
      });
      const seenCategories = new Set<string>();
      catalogue.categories.forEach((category, i) => {
        if (seenCategories.has(category.id)) {
          ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `duplicate category id "${category.id}"` });
        }
        seenCategories.add(category.id);
      });
      const seenServices = new Set<string>();
      catalogue.services.forEach((service, i) => {
        if (seenServices.has(service.id)) {
          ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id "${service.id}"` });
        }
        seenServices.add(service.id);
        if (!seenCategories.has(service.category)) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'category'],
            message: `unknown category "${service.category}" (declare it in "categories")`,
          });
        }
      });
      crossCheckChecks(catalogue, ctx);
      formerIdClashes(catalogue.services, seenServices).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue }));
      dependencyIssues(catalogue.services, seenServices).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue }));
    },
    { when: (payload) => hasIdsToCrossCheck(payload.value) },
  );

/** Lets the id checks above run even when another field is wrong, so one pass lists every problem. */
function hasIdsToCrossCheck(value: unknown): boolean {
  const has = (item: unknown, key: string): boolean =>
    typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>)[key] === 'string';
  if (typeof value !== 'object' || value === null) return false;
  const { categories, services } = value as { categories?: unknown; services?: unknown };
  return (
    Array.isArray(categories) &&
    Array.isArray(services) &&
    categories.every((c) => has(c, 'id')) &&
    services.every((s) => has(s, 'id') && has(s, 'category'))
  );
}

export type CatalogueFile = z.infer<typeof catalogueSchema>;

/** A service with every default applied: what the probe and the site work with. */
/** Guidance fields are absent in hand-made catalogues (tests, canaries): none to show. */
export interface ServiceConfig extends Partial<ServiceGuidance> {
  id: string;
  /** The name alone, in each language (an official French name is the same in both). */
  name: { fr: string; en: string };
  /** What the service is, shown next to the name in lists, never in notices, feeds or titles. */
  gloss?: { fr?: string; en?: string };
  description: { fr: string; en: string } | null;
  category: string;
  aliases: string[];
  /** Ids this service had before (see the catalogue's `formerIds`); absent when none. */
  formerIds?: string[];
  /** Ids of the services this one relies on (see the catalogue's `dependsOn`); absent when none. */
  dependsOn?: string[];
  url: string;
  interval: number;
  timeout: number;
  expectStatus: string;
  keyword: string | null;
  slowMs: number;
  /** `own-host` (canaries): private addresses for the URL's own host only, never for a redirect. */
  allowPrivateNetwork: boolean | 'own-host';
  /** `quorum`: locations that must confirm an outage; unset means a strict majority of those voting. */
  detection: { failuresBeforeDown: number; successesBeforeUp: number; quorum?: number };
  /** Opening hours in Paris time; null when the service is meant to be open all the time. */
  hours: ServiceHours | null;
  /** What the probe does; absent: the HTTP check of `url` with `expectStatus`, `keyword` and `slowMs`. */
  check?: ServiceCheck;
  /** A status page read besides `check` (catalogue `check` and `upstream`); shown beside, never as, Vigie's measurement. */
  upstream?: { kind: 'statuspage'; url: string; component: string };
}

export interface LocationConfig {
  id: string;
  name: { fr: string; en: string };
  /** ISO 3166 alpha-2: "FR" locations decide whether citizens in France can reach a service. */
  country: string;
}

export interface Catalogue {
  categories: { id: string; name: { fr: string; en: string } }[];
  services: ServiceConfig[];
  canaries: string[];
  /** Empty when the catalogue lists none: one probe location, and no quorum wording anywhere. */
  locations: LocationConfig[];
  /** Absent in hand-made catalogues (tests): the pages then say every fact is not provided yet. */
  operator?: OperatorFacts;
  /** What grades availability reports; absent in hand-made catalogues (the Observatoire's thresholds then). */
  reportThresholds?: ReportThresholds;
  /** Shown with the banner in a crisis; absent or null: the dictionaries' scam warning. */
  crisisAdvice?: CrisisAdvice | null;
}

/** Applies file-level defaults, then built-in defaults, to every service. */
export function resolveCatalogue(file: CatalogueFile): Catalogue {
  const defaults = { ...CHECK_DEFAULTS, ...file.defaults };
  const detection = { ...DETECTION_DEFAULTS, ...file.detection, ...file.defaults?.detection };
  return {
    categories: file.categories,
    canaries: file.canaries ?? [],
    locations: file.locations ?? [],
    operator: file.operator ?? {},
    reportThresholds: resolveReportThresholds(file.reports),
    crisisAdvice: file.crisisAdvice ?? null,
    services: file.services.map((s) => ({
      id: s.id,
      name: typeof s.name === 'string' ? { fr: s.name, en: s.name } : s.name,
      ...(s.gloss ? { gloss: s.gloss } : {}),
      description: s.description ?? null,
      category: s.category,
      aliases: s.aliases ?? [],
      ...(s.formerIds ? { formerIds: s.formerIds } : {}),
      ...(s.dependsOn ? { dependsOn: s.dependsOn } : {}),
      url: s.url,
      interval: s.interval ?? defaults.interval,
      timeout: s.timeout ?? defaults.timeout,
      expectStatus: s.expectStatus ?? defaults.expectStatus,
      keyword: s.keyword ?? file.defaults?.keyword ?? null,
      slowMs: s.slowMs ?? defaults.slowMs,
      allowPrivateNetwork: s.allowPrivateNetwork ?? defaults.allowPrivateNetwork,
      detection: { ...detection, ...s.detection },
      hours: s.hours ? resolveHours(s.hours) : null,
      ...resolveUpstream(s),
      ...resolveGuidance(s),
    })),
  };
}

/** `upstream` alone replaces the check; with a `check`, it is read besides it. */
function resolveUpstream(s: CatalogueFile['services'][number]): Pick<ServiceConfig, 'check' | 'upstream'> {
  const check = s.check ? { check: resolveCheck(s.check, s.url) } : {};
  if (!s.upstream) return check;
  const page = { kind: 'statuspage' as const, url: s.upstream.statuspage, component: s.upstream.component };
  return s.check ? { ...check, upstream: page } : { check: page };
}
