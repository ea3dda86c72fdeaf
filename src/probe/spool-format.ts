import { z } from 'zod';
import { ROLLUP_GRANULARITIES } from '../domain/records.ts';
import { CHECK_OUTCOMES, SERVICE_STATES } from '../domain/vocabulary.ts';

/**
 * One line of the probe's spool file: a check result not yet stored, as JSON. An outage decision
 * is a function run under the service's lock at write time, so the line only says one is needed
 * (`decide`); the next run makes the decider again from its catalogue. The file is read back by
 * zod like any outside input: a line damaged by a crash or by hand is named and skipped.
 */
const instant = z.iso.datetime().transform((s) => new Date(s));
const count = z.number().int().min(0);

const result = z.object({
  serviceId: z.string().min(1),
  location: z.string().min(1),
  startedAt: instant,
  outcome: z.enum(CHECK_OUTCOMES),
  latencyMs: z.number().nullable(),
  httpStatus: z.number().int().nullable(),
  finalUrl: z.string().nullable(),
  tlsExpiresAt: instant.nullable(),
  detail: z.string().nullable(),
  probeOffline: z.boolean(),
  // Absent from lines spooled before check kinds had them: those still read back.
  tlsIssuer: z.string().nullable().optional(),
  step: z.number().int().min(1).nullable().optional(),
});

const tracking = z.object({
  serviceId: z.string().min(1),
  location: z.string().min(1),
  state: z.enum(SERVICE_STATES),
  since: instant,
  failureStreak: count,
  successStreak: count,
  failureRunStartedAt: instant.nullable(),
  lastCheckedAt: instant.nullable(),
  lastOutcome: z.enum(CHECK_OUTCOMES).nullable(),
  latencyMs: z.number().nullable(),
  openIncidentId: z.string().nullable(),
  lastStep: z.number().int().min(1).nullable().optional(),
  tlsExpiresAt: instant.nullable().optional(),
  tlsIssuer: z.string().nullable().optional(),
  firstCheckedAt: instant.nullable().optional(),
});

const rollup = z.object({
  serviceId: z.string().min(1),
  granularity: z.enum(ROLLUP_GRANULARITIES),
  bucketStart: instant,
  checks: count,
  failures: count,
  seconds: z.record(z.enum(SERVICE_STATES), z.number()),
  latencyCount: count,
  latencySumMs: z.number(),
  latencyMaxMs: z.number(),
  latencyHistogram: z.array(count),
});

/** The lease the check was made under (PostgreSQL): replayed with it, the write counts only if no other process took the service since. */
const lease = z.object({ holder: z.string().min(1), epoch: z.number().int().nullable() });

export const spoolLine = z.object({ result, tracking, rollups: z.array(rollup), decide: z.boolean(), lease: lease.nullable().optional() });
export type SpooledWrite = z.infer<typeof spoolLine>;
