/** The closed sets every part of Vigie speaks. Defined once; types derive from them. */

export const SERVICE_STATES = ['operational', 'degraded', 'down', 'maintenance', 'unknown'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/**
 * What the public is shown for a service: the probe's states, plus the partial outage only staff
 * can declare and the planned closure of a service outside its opening hours.
 */
export const PUBLISHED_STATES = ['operational', 'degraded', 'partial', 'down', 'maintenance', 'closed', 'unknown'] as const;
export type PublishedState = (typeof PUBLISHED_STATES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CHECK_OUTCOMES = [
  'ok',
  'slow',
  'http_5xx',
  'http_4xx',
  'blocked',
  'keyword_missing',
  'timeout',
  'dns_nxdomain',
  'dns_temporary',
  'refused',
  'reset',
  'tls_expired',
  'tls_hostname',
  'tls_untrusted',
  'redirect_error',
  'body_too_large',
  'unsafe_target',
  'network_error',
  'json_mismatch',
  'header_mismatch',
  'dns_servfail',
  'dns_timeout',
  'dns_wrong_answer',
  'heartbeat_missed',
  'probe_error',
  'upstream_down',
  'upstream_degraded',
  'upstream_maintenance',
  'upstream_unreadable',
] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/**
 * How the evaluator weighs an outcome.
 * - success / slow: the service answered as expected (slow means degraded).
 * - failure: counts towards confirming an outage.
 * - inconclusive: says more about the probe's path than the service (resolver hiccup, anti-bot page,
 *   a target we refuse to contact); never confirms an outage on its own.
 */
export const OUTCOME_WEIGHTS = ['success', 'slow', 'failure', 'inconclusive'] as const;
export type OutcomeWeight = (typeof OUTCOME_WEIGHTS)[number];

export const OUTCOME_WEIGHT: Record<CheckOutcome, OutcomeWeight> = {
  ok: 'success',
  slow: 'slow',
  http_5xx: 'failure',
  http_4xx: 'failure',
  blocked: 'inconclusive',
  keyword_missing: 'failure',
  timeout: 'failure',
  dns_nxdomain: 'failure',
  dns_temporary: 'inconclusive',
  refused: 'failure',
  reset: 'failure',
  tls_expired: 'failure',
  tls_hostname: 'failure',
  tls_untrusted: 'failure',
  redirect_error: 'failure',
  body_too_large: 'failure',
  unsafe_target: 'inconclusive',
  network_error: 'failure',
  json_mismatch: 'failure',
  header_mismatch: 'failure',
  // The name is what a DNS check watches: its resolver's failures are the service's, not the probe's.
  dns_servfail: 'failure',
  dns_timeout: 'failure',
  dns_wrong_answer: 'failure',
  heartbeat_missed: 'failure',
  // The probe could not carry the check out (its store did not answer): nothing learnt about the service.
  probe_error: 'inconclusive',
  // What another status page says of itself (a `statuspage` check): its outage and slowness count
  // as readings; its maintenance, or a page that cannot be read, tell nothing either way.
  upstream_down: 'failure',
  upstream_degraded: 'slow',
  upstream_maintenance: 'inconclusive',
  upstream_unreadable: 'inconclusive',
};

/** What a service's check does (catalogue `check.kind`); `http` when the catalogue says nothing. */
export const CHECK_KINDS = ['http', 'dns', 'tcp', 'journey', 'heartbeat', 'statuspage'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * An incident's status as the public reads it: `detected` while an automatic incident is the
 * probe's alone (nobody is analysing it yet); staff choose the others when they take it over.
 */
export const SHOWN_INCIDENT_STATUSES = ['detected', ...INCIDENT_STATUSES] as const;
export type ShownIncidentStatus = (typeof SHOWN_INCIDENT_STATUSES)[number];

/**
 * Why Vigie itself closed an automatic incident other than by a recovery, told in words rendered
 * when read: its service left the catalogue, or its id was renamed while another incident of the
 * new id was open (the follow-up continues there).
 */
export const INCIDENT_UPDATE_REASONS = ['service_removed', 'service_renamed'] as const;
export type IncidentUpdateReason = (typeof INCIDENT_UPDATE_REASONS)[number];

/** Impact of an incident on one affected service. */
export const IMPACTS = ['degraded', 'partial', 'major'] as const;
export type Impact = (typeof IMPACTS)[number];

/** `auto`: opened and resolved by the probe; `staff`: written by people. */
export const INCIDENT_KINDS = ['auto', 'staff'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** What an audit row records. `login.throttled` is only in rows written before throttled attempts stopped being audited. */
export const AUDIT_ACTIONS = [
  'incident.created',
  'incident.updated',
  'incident.resolved',
  'incident.taken_over',
  'incident.update_edited',
  'maintenance.scheduled',
  'maintenance.edited',
  'maintenance.cancelled',
  'template.edited',
  'deadline.extended',
  'webhook.created',
  'webhook.deleted',
  'webhook.enabled',
  'staff.added',
  'staff.password_reset',
  'staff.totp_enrolled',
  'staff.disabled',
  'staff.password_rehashed',
  'staff.code_unlocked',
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'login.code_locked',
  'logout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How a citizen can do what a failing service does: by phone, at a counter, on paper, on another site, by post or e-mail. */
export const ALTERNATIVE_KINDS = ['phone', 'place', 'paper', 'web', 'mail'] as const;
export type AlternativeKind = (typeof ALTERNATIVE_KINDS)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Text that exists in both languages. */
export type Localized = { fr: string; en: string };

/** Staff text: French is required; English may follow later (`null` means "translation to follow"). */
export type Draft = { fr: string; en: string | null };

export const TIME_ZONE = 'Europe/Paris';

/** Calendar periods availability reports cover (Paris months, quarters, years). */
export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/**
 * Grades of a report figure against its thresholds, as the State's Observatoire of essential
 * procedures labels them: good, partial, weak.
 */
export const REPORT_GRADES = ['good', 'partial', 'weak'] as const;
export type ReportGrade = (typeof REPORT_GRADES)[number];
