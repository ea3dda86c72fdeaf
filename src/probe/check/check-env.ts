import type { LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { ServiceConfig } from '../../config/services-schema.ts';
import type { CheckResult } from '../../domain/records.ts';
import type { AddressPolicy } from '../../net/address-policy.ts';

/** What every kind of check is given: the checker's settings, then one run's deadline. */

export interface CheckEnv {
  userAgent: string;
  lookup: LookupFunction | undefined;
  maxBodyBytes: number;
  maxRedirects: number;
  clock: () => number;
  addressPolicy: AddressPolicy;
  /** Built once per checker: parsing the root store for every connection costs more than the check. */
  secureContext: SecureContext | undefined;
  localAddress: string | undefined;
  /** When the service last pushed a heartbeat; absent where the checker has no store (canaries, tools). */
  lastBeat: ((serviceId: string) => Promise<Date | null>) | undefined;
}

export interface CheckRun {
  location: string;
  startedAtMs: number;
  timeoutMs: number;
  /** Aborted at the deadline or when the probe cancels. */
  signal: AbortSignal;
  /** Aborted at the deadline only: a failure it caused is a timeout. */
  deadline: AbortSignal;
}

/** What a kind of check measured; the checker fills in the rest of the result. */
export type Measured = Partial<CheckResult> & Pick<CheckResult, 'outcome'>;

/** One kind of check. It may throw: the checker turns anything thrown into an outcome. */
export type KindCheck = (service: ServiceConfig, run: CheckRun) => Promise<Measured>;
