import { z } from 'zod';
import { CHECK_DESCRIPTIONS } from './check-descriptions.ts';
import { GUIDANCE_DESCRIPTIONS } from './guidance-schema.ts';
import { OPERATOR_DESCRIPTIONS } from './operator-schema.ts';
import { catalogueSchema, CHECK_DEFAULTS, DETECTION_DEFAULTS } from './services-schema.ts';

/**
 * The JSON Schema that editors use to complete and check `services.json`. Generated from the zod
 * schema, then given the descriptions, defaults and URL pattern that zod cannot express, so the
 * file published in `public/` never drifts from what the loader accepts.
 */

type JsonObject = Record<string, unknown>;

const DESCRIPTIONS: Record<string, string> = {
  $schema: 'Path or address of this JSON Schema, so editors complete and check the file.',
  categories: 'Groups shown on the status page, in this order. Every service belongs to one.',
  'categories.id': 'Stable identifier of the category (lowercase letters, digits, hyphens), used by services\' "category".',
  'categories.name': 'Label of the category, in French and English.',
  services: 'The online services Vigie checks, in the order they are shown within their category.',
  'services.id':
    'Stable identifier of the service (lowercase letters, digits, hyphens). It keys the stored history: renaming it starts a new history.',
  'services.name':
    'The official name alone, as notices, feeds and titles write it (English pages mark it as French). An object { "fr", "en" } only for a name with an official English form; put explanations in "gloss".',
  'services.gloss':
    'A short explanation shown next to the name in lists, never in notices, feeds or titles, e.g. { "en": "Social contributions" }.',
  'services.description': 'One sentence on what citizens do with this service, in French and English.',
  'services.category': 'Identifier of one of the "categories".',
  'services.aliases':
    'Other names citizens type in the search box: former names ("Pôle emploi"), acronyms ("ANTS"), everyday words ("carte grise"). Matched without regard to accents or case.',
  'services.url': 'Public address that is checked (http or https). Redirects are followed, at most 5.',
  'services.formerIds':
    'Ids this service had before it was renamed. At its next start the probe moves what was stored under them (results, uptime, open incident, subscriptions) to the new id, so history goes on and no second incident opens. A former id must no longer name a service.',
  'services.dependsOn':
    'Ids of services this one relies on, such as a sign-in provider ("franceconnect"). When one of them is down, this service\'s page, line and the banner say so; an outage of both opens one incident for the upstream that lists this service as affected through it. It is still checked as always. Unknown ids and cycles are refused.',
  'services.upstream':
    'Read this service from its own status page (Statuspage v2: an Atlassian or Instatus page, or another Vigie) instead of checking it, or, with a "check", besides it (Vigie\'s own measurement then stays the service\'s state, and the page\'s word is shown next to it): "statuspage" is the address of its /api/v2/summary.json, "component" the id or name of the component. Its state is shown as what the service says of itself, never as a measurement by Vigie; a page that cannot be read makes it stale, then unknown. Other services may depend on it.',
  'services.upstream.statuspage':
    'Address of the Statuspage v2 summary, such as https://status.example.com/api/v2/summary.json. Fetched by the probe under the same address rules and limits as a check.',
  'services.upstream.component': 'The component to follow: its id, or its name as the page writes it (case does not matter).',
  'services.hours':
    'Opening hours, in Paris time, for a service that closes on purpose (nightly batch window, weekends). Outside them the page says "closed (planned)" with the next opening, failures open no outage, and the time is left out of uptime. Without it the service is meant to be open all the time.',
  'services.hours.weekly':
    'Opening times per weekday ("mon" to "sun"), each a list of ranges like "08:30-18:00"; "24:00" may end a range. A weekday left out, or with an empty list, is closed all day. A range cannot cross midnight: split it over two days.',
  'services.hours.exceptions':
    'Dated exceptions ("2026-12-25": [] for closed all day, or a list of ranges) that replace that day\'s weekly hours.',
  defaults: 'Values applied to every service that does not set the field itself.',
  detection:
    'How many consecutive results confirm a change of state, so one bad check never raises an alarm and one good check never ends it.',
  failuresBeforeDown: 'Consecutive failed checks before the service is declared down (default 3); the outage starts at the first of them.',
  successesBeforeUp: 'Consecutive successful checks before a down service is declared up again (default 2).',
  quorum:
    'How many voting locations must confirm an outage before the service is shown down (default: a strict majority of the locations voting). Only meaningful with "locations".',
  locations:
    'Vantage points probes run from (each probe names its own with VIGIE_LOCATION). With several, a service is down only when a quorum of the locations that trust their own network confirm it; when only some fail, the page says from where it is unreachable. Leave out for a single probe.',
  'locations.id': 'Identifier of the location (lowercase letters, digits, hyphens): the value of VIGIE_LOCATION for the probes there.',
  'locations.name': 'Name of the place shown to citizens, in French and English.',
  'locations.country':
    'ISO 3166 two-letter country code. When every "FR" location reaches a service and only locations abroad fail, the page says it is reachable from France, not from abroad, instead of declaring an outage.',
  canaries:
    'Addresses outside the watched services, run by independent operators (the shipped ones: Cloudflare, Quad9, Wikimedia), chosen because they are highly available and set no tracking. They are checked every cycle: when they fail together with the services, the probe suspects its own network connection, records "probe offline" and opens no outage.',
  interval: 'Seconds between two checks of the service (default 60).',
  timeout: 'Seconds allowed for the whole check: name resolution, connection, TLS, headers and body (default 10).',
  expectStatus: 'HTTP status codes that count as success, e.g. "200-399" (the default) or "200,301-302".',
  keyword: 'Text the page must contain; without it the check fails (catches error pages served with status 200).',
  slowMs: 'Response time in milliseconds above which the service is shown as degraded (default 3000).',
  allowPrivateNetwork:
    'Allow addresses on private, loopback or link-local networks. Off by default to protect the network the probe runs in; turn it on only for your own internal services.',
  fr: 'In French.',
  en: 'In English.',
  ...OPERATOR_DESCRIPTIONS,
  ...GUIDANCE_DESCRIPTIONS,
  ...CHECK_DESCRIPTIONS,
};

const DEFAULTS: Record<string, unknown> = { ...CHECK_DEFAULTS, ...DETECTION_DEFAULTS };

const URL_PATTERN = '^https?://';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A member of a union told apart by `kind` (a check): its kind, or null. */
function kindOf(node: JsonObject): string | null {
  const kind = isObject(node.properties) ? node.properties.kind : undefined;
  return isObject(kind) && typeof kind.const === 'string' ? kind.const : null;
}

/** The description for a trail: one written for this kind (`services.check.dns.expect`), else for the field anywhere. */
function describe(trail: string[], kinds: Set<number>): string | undefined {
  const plain = trail.filter((_, i) => !kinds.has(i));
  return DESCRIPTIONS[trail.join('.')] ?? DESCRIPTIONS[plain.join('.')] ?? DESCRIPTIONS[trail.at(-1) ?? ''];
}

/**
 * Walks `properties`, `items` and union members, naming each property by its trail of property
 * names; a union member with a `kind` adds it to the trail, so fields of the same name in two kinds
 * can be described apart.
 */
function annotate(node: JsonObject, trail: string[], kinds = new Set<number>()): void {
  for (const member of [node.oneOf, node.anyOf].flatMap((list) => (Array.isArray(list) ? list : []))) {
    if (!isObject(member)) continue;
    const kind = kindOf(member);
    if (kind === null) annotate(member, trail, kinds);
    else annotate(member, [...trail, kind], new Set([...kinds, trail.length]));
  }
  const properties = node.properties;
  if (isObject(properties)) {
    for (const [key, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const childTrail = [...trail, key];
      const description = describe(childTrail, kinds);
      if (description) child.description = description;
      // Built-in defaults apply at these two places; a service inherits from `defaults` instead.
      const atTopLevelDefaults = trail[0] === 'defaults' || trail[0] === 'detection';
      if (key in DEFAULTS && atTopLevelDefaults && child.type !== 'object') child.default = DEFAULTS[key];
      if (childTrail.join('.') === 'services.url') child.pattern = URL_PATTERN;
      annotate(child, childTrail, kinds);
    }
  }
  if (isObject(node.items)) {
    if (trail.join('.') === 'canaries') node.items.pattern = URL_PATTERN;
    annotate(node.items, trail, kinds);
  }
}

export function buildCatalogueJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(catalogueSchema, { io: 'input', target: 'draft-2020-12' }) as JsonObject;
  annotate(schema, []);
  return {
    $schema: schema.$schema,
    title: 'Vigie service catalogue (services.json)',
    description: 'The public online services a Vigie status page checks, with their names in French and English.',
    ...schema,
  };
}

/** The file as committed: two-space indentation and a final newline. */
export function renderCatalogueJsonSchema(): string {
  return `${JSON.stringify(buildCatalogueJsonSchema(), null, 2)}\n`;
}
