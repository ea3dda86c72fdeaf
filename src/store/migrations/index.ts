import { initial } from './001-initial.ts';
import { boundedAuthRows } from './002-bounded-auth-rows.ts';
import { locations } from './005-locations.ts';
import type { Migration } from './migration.ts';
import { subscriptions } from './006-subscriptions.ts';
import { probeSelfDescription } from './009-probe-self-description.ts';
import { heartbeatsPerProcess } from './010-heartbeats-per-process.ts';
import { incidentUpdateReasons } from './015-incident-update-reasons.ts';
import { monthlyRollups } from './030-monthly-rollups.ts';
import { checkFacts } from './033-check-facts.ts';
import { serviceBeats } from './034-service-beats.ts';
import { leaseEpochs } from './040-lease-epochs.ts';
import { incidentObservations } from './055-incident-observations.ts';
import { firstCheckedAt } from './060-first-checked-at.ts';
import { incidentNextUpdate } from './065-incident-next-update.ts';
import { deadlineExtensions } from './066-deadline-extensions.ts';
import { stateChanges } from './070-state-changes.ts';
import { incidentTemplates } from './071-incident-templates.ts';
import { upstreamReadings } from './072-upstream-readings.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  boundedAuthRows,
  locations,
  subscriptions,
  probeSelfDescription,
  heartbeatsPerProcess,
  incidentUpdateReasons,
  monthlyRollups,
  checkFacts,
  serviceBeats,
  leaseEpochs,
  incidentObservations,
  firstCheckedAt,
  incidentNextUpdate,
  deadlineExtensions,
  stateChanges,
  incidentTemplates,
  upstreamReadings,
];
