import { z } from 'zod';
import { OBSERVATOIRE_THRESHOLDS, type ReportThresholds } from '../domain/report-thresholds.ts';

/**
 * `reports` in `services.json`: the thresholds that grade availability reports. Either pair may be
 * left out (the Observatoire's values then apply to it).
 */
const percent = z.number().min(0).max(100);
const milliseconds = z.number().int().min(1).max(120_000);

export const reportsSchema = z
  .object({
    thresholds: z
      .object({
        availability: z
          .object({ partial: percent, weak: percent })
          .strict()
          .refine((a) => a.weak <= a.partial, {
            message: '"weak" must not be above "partial" (availability under "weak" is weak)',
            path: ['weak'],
          }),
        responseMs: z
          .object({ partial: milliseconds, weak: milliseconds })
          .strict()
          .refine((r) => r.partial <= r.weak, {
            message: '"weak" must not be below "partial" (a response over "weak" is weak)',
            path: ['weak'],
          }),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export type ReportsFile = z.infer<typeof reportsSchema>;

export function resolveReportThresholds(file: ReportsFile | undefined): ReportThresholds {
  return { ...OBSERVATOIRE_THRESHOLDS, ...file?.thresholds };
}
