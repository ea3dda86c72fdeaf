import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROLLUP_RETENTION_DAYS } from '../domain/rollup-retention.ts';
import { trimTrailingSlashes } from '../domain/trim-slashes.ts';
import { NEXT_UPDATE_DELAYS, type NextUpdateDelays } from '../domain/next-update.ts';
import { IMPACTS, type Impact } from '../domain/vocabulary.ts';

/**
 * Process settings, from environment variables. One visible defaults object; every problem is
 * reported with the variable's name so an operator knows what to fix.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

export const settingsSchema = z
  .object({
    DATABASE_URL: z.string().min(1).default('./data/vigie.db'),
    VIGIE_SERVICES: z.string().min(1).default('./services.json'),
    /** The built site (`npm run build`), read by the web process, the static copy and `npm start`; astro.config.mjs builds into it. */
    VIGIE_BUILD_DIR: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL('../../dist', import.meta.url))),
    PORT: port.default(4321),
    PROBE_PORT: port.default(4322),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** The probe's operational endpoints (/metrics…) stay on loopback unless an operator opens them. */
    PROBE_HOST: z.string().min(1).default('127.0.0.1'),
    VIGIE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Name of this probe's vantage point, shown on the "about the probes" page. */
    VIGIE_LOCATION: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .default('local'),
    /** Local address the probe's checks leave from, on a host with several (one per vantage point). */
    VIGIE_PROBE_SOURCE_ADDRESS: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address of this host' }).optional(),
    /**
     * The probe process's name for its leases and heartbeat, kept across restarts so a restarted
     * process takes its predecessor's leases back at once (`npm start` sets one per start; under
     * systemd, set it). Unset: a new name per run.
     */
    VIGIE_PROBE_ID: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'letters, digits and . _ : - only, at most 100' })
      .optional(),
    /**
     * PostgreSQL: a probe process whose clock differs from the database's by more than this holds
     * no lease (checks nothing, does not vote) and says so in /healthz and /metrics.
     */
    VIGIE_PROBE_MAX_CLOCK_SKEW_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** PostgreSQL: how long a probe process's claim on a service outlives its last renewal. */
    VIGIE_PROBE_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Group commit: results wait at most this long, or until this many are waiting, then are written in one transaction. */
    VIGIE_PROBE_BATCH_MS: z.coerce.number().int().min(0).max(5_000).default(250),
    VIGIE_PROBE_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
    VIGIE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Hourly, daily and monthly rollups. */
    VIGIE_ROLLUP_RETENTION_DAYS: z.coerce.number().int().min(31).max(36_500).default(ROLLUP_RETENTION_DAYS),
    VIGIE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    VIGIE_PROBE_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(200),
    VIGIE_PROBE_PER_HOST: z.coerce.number().int().min(1).max(100).default(2),
    /** Services down or degraded at once from which the banner carries the crisis advice (a scam warning by default). */
    VIGIE_CRISIS_THRESHOLD: z.coerce.number().int().min(1).max(10_000).default(3),
    /** Minutes within which the next incident update is promised when staff give no time, by impact ("major=60,partial=120,degraded=240"). */
    VIGIE_NEXT_UPDATE_MINUTES: z
      .string()
      .default('')
      .transform((text, ctx) => nextUpdateDelays(text, ctx)),
    /** Staff are warned (dashboard, /metrics) when a certificate expires within this many days; citizens see nothing until it fails. */
    VIGIE_TLS_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** Check results the probe keeps in memory while the store is unreachable. */
    VIGIE_PROBE_BUFFER: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
    /** Ed25519 private key (PKCS#8 PEM, or the path of a file holding it) that signs attestations; made in the store's folder when unset. */
    VIGIE_SIGNING_KEY: z.string().min(1).optional(),
    /** Daily open-data files, their chain and data package; `open-data` in the store's folder when unset. */
    VIGIE_OPEN_DATA_DIR: z.string().min(1).optional(),
    /**
     * Where the probe keeps results not yet stored when it is stopped, for its next run (see
     * src/probe/spool.ts). By default next to the SQLite file, or under ./data/probe-spool per PostgreSQL database.
     */
    VIGIE_PROBE_SPOOL_DIR: z.string().min(1).optional(),
    /** When set, the web process publishes the public site as static files under this folder. */
    VIGIE_SNAPSHOT_DIR: z.string().min(1).optional(),
    /**
     * Who may read `/data/timeline.csv|json`: `public` (state changes and published notices for
     * anyone, staff actions for signed-in staff only) or `staff` (all of it, signed-in staff only).
     */
    VIGIE_TIMELINE: z.enum(['public', 'staff']).default('public'),
    /** A wave: at least this many services, in at least two categories, down within VIGIE_WAVE_WINDOW_MINUTES of each other. */
    VIGIE_WAVE_MIN_SERVICES: z.coerce.number().int().min(2).max(10_000).default(5),
    VIGIE_WAVE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** Comma-separated proxy addresses whose X-Forwarded-For is believed. */
    VIGIE_TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    /** Only a local demo may turn the staff second factor off; the admin UI says so. */
    VIGIE_REQUIRE_TOTP: booleanFlag.default(true),
    /** Email subscriptions are on only when both are set (`smtp://`, `smtps://` URL as nodemailer takes it). */
    VIGIE_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    VIGIE_MAIL_FROM: z.string().min(3).optional(),
    /** The mailbox List-Unsubscribe's mailto: names (the From address when unset); someone must read it. */
    VIGIE_UNSUBSCRIBE_MAILTO: z.email().optional(),
    VIGIE_SENDER_PORT: port.default(4323),
    /** Subscribe requests per client (IPv4 address, IPv6 /64) per hour, then "try later" (src/notify/subscribe-actions.ts). */
    VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Subscribe requests per IPv6 /48 per hour, all its /64s together. */
    VIGIE_SUBSCRIBE_LIMIT_PER_NETWORK: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Confirmation emails the whole site sends per hour; past it everyone is told to try later. */
    VIGIE_CONFIRMATION_EMAILS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(300),
    /** Confirmation emails per email address per hour; past it the same answer and no email. */
    VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100).default(3),
    /** Quiet time that ends a wave of events before its message leaves (see src/notify/coalesce.ts). */
    VIGIE_NOTIFY_QUIET_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    /** First retry delay of a failed email or webhook; it doubles at each failure, up to an hour. */
    VIGIE_NOTIFY_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /**
     * Host names (or IP addresses) of webhook receivers the operator runs on a private network; every
     * other webhook target stays held to the SSRF guard. Empty by default: staff cannot open it.
     */
    VIGIE_WEBHOOK_PRIVATE_HOSTS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((h) =>
            h
              .trim()
              .toLowerCase()
              .replace(/^\[|\]$/g, ''),
          )
          .filter(Boolean),
      ),
  })
  .transform((s) => ({
    ...s,
    VIGIE_PUBLIC_URL: trimTrailingSlashes(s.VIGIE_PUBLIC_URL ?? `http://${hostForUrl(s.HOST)}:${s.PORT}`),
  }));

export type Settings = z.infer<typeof settingsSchema>;

/** "major=60,partial=120": each impact named gets its delay; the others keep the default. */
function nextUpdateDelays(text: string, ctx: z.RefinementCtx): NextUpdateDelays {
  const delays = { ...NEXT_UPDATE_DELAYS };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)=(\d{1,5})$/.exec(part);
    const impact = match?.[1];
    if (!match || !impact || !(IMPACTS as readonly string[]).includes(impact) || Number(match[2]) < 1) {
      ctx.addIssue({
        code: 'custom',
        message: `"${part}": write impact=minutes, with impact one of ${IMPACTS.join(', ')}, e.g. "major=60,partial=120"`,
      });
      continue;
    }
    delays[impact as Impact] = Number(match[2]);
  }
  return delays;
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export class SettingsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/** Reads settings from an environment; throws SettingsError listing every problem by variable name. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new SettingsError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
}
