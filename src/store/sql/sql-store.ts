import type { Store } from '../store.ts';
import { StoreConflictError } from '../store.ts';
import { appendAudit, insertAudit, listAudit, pruneAudit } from './audit.ts';
import { applyCatalogueEdits } from './catalogue-edits.ts';
import { listResults, pruneResults } from './checks.ts';
import { listResultServices, listResultsBetween, tallyFailures } from './check-reads.ts';
import { listHeartbeats, pruneHeartbeats, recordHeartbeat } from './heartbeats.ts';
import { readDataVersion } from './data-version.ts';
import { readDate } from './executor.ts';
import type { SqlDatabase, SqlExecutor } from './executor.ts';
import { getIncident, getIncidentUpdate, listIncidents } from './incidents-read.ts';
import { addIncidentUpdate, createIncident, editIncidentUpdate } from './incidents-write.ts';
import { cancelMaintenance, createMaintenance, getMaintenance, listMaintenances, updateMaintenance } from './maintenance.ts';
import { recordCheck, recordChecks } from './record-check.ts';
import { lastServiceBeat, recordServiceBeat } from './service-beats.ts';
import { listUpstreamReadings, recordUpstreamReading } from './upstream-readings.ts';
import { listDeadlineExtensions, saveDeadlineExtension } from './deadline-extensions.ts';
import { claimLeases, deleteProbeHolder, listProbeHolders, saveProbeHolder, seedLeases } from './leases.ts';
import { listRollups, pruneRollups, rollupSpan, sumRollups } from './rollups.ts';
import {
  clearLoginFailures,
  countLoginFailures,
  createSession,
  deleteSession,
  deleteStaffSessions,
  getSession,
  pruneLoginFailures,
  releaseLoginAttempt,
  reserveLoginAttempt,
  stampLoginAttempt,
  touchSession,
} from './sessions.ts';
import { claimTotpStep, createStaff, getStaffByEmail, getStaffById, listStaff, updateStaff } from './staff.ts';
import { createSubscriptionStore } from './subscriptions/subscription-store.ts';
import { listTemplates, saveTemplate } from './templates.ts';
import { readTimeline } from './timeline.ts';
import { pruneStateChanges } from './state-changes.ts';
import { listTrackings } from './trackings.ts';

/** `db` seen from inside one of its transactions: every statement, and every nested transaction, runs in `tx`. */
function withinTransaction(db: SqlDatabase, tx: SqlExecutor): SqlDatabase {
  return {
    dialect: tx.dialect,
    all: (sql, params) => tx.all(sql, params),
    run: (sql, params) => tx.run(sql, params),
    exec: (script) => tx.exec(script),
    time: (value) => tx.time(value),
    bool: (value) => tx.bool(value),
    transaction: (fn) => fn(tx),
    isUniqueViolation: (error) => db.isUniqueViolation(error),
    ping: () => Promise.resolve(),
    close: () => Promise.reject(new Error('a store inside a transaction cannot be closed')),
  };
}

/** The Store over either dialect: every method is one of the area modules, wired to `db`. */
export function createSqlStore(db: SqlDatabase, backend: Store['backend']): Store {
  return {
    backend,
    ping: () => db.ping(),
    close: () => db.close(),
    now: () => storeNow(db),
    dataVersion: () => readDataVersion(db),
    subscriptions: createSubscriptionStore(db),

    recordCheck: (input) => recordCheck(db, input),
    recordChecks: (inputs) => recordChecks(db, inputs),
    listTrackings: () => listTrackings(db),
    listResults: (serviceId, options) => listResults(db, serviceId, options),
    listResultsBetween: (options) => listResultsBetween(db, options),
    listResultServices: (options) => listResultServices(db, options),
    tallyFailures: (options) => tallyFailures(db, options),
    listRollups: (options) => listRollups(db, options),
    sumRollups: (options) => sumRollups(db, options),
    rollupSpan: (granularity) => rollupSpan(db, granularity),
    pruneRollups: (before) => pruneRollups(db, before),
    pruneResults: (before) => pruneResults(db, before),
    recordHeartbeat: (heartbeat) => recordHeartbeat(db, heartbeat),
    listHeartbeats: () => listHeartbeats(db),
    pruneHeartbeats: (before) => pruneHeartbeats(db, before),
    recordServiceBeat: (serviceId, at) => recordServiceBeat(db, serviceId, at),
    lastServiceBeat: (serviceId) => lastServiceBeat(db, serviceId),
    recordUpstreamReading: (reading) => recordUpstreamReading(db, reading),
    listUpstreamReadings: () => listUpstreamReadings(db),
    saveDeadlineExtension: (extension) => saveDeadlineExtension(db, extension),
    listDeadlineExtensions: () => listDeadlineExtensions(db),
    applyCatalogueEdits: (edits) => applyCatalogueEdits(db, edits),
    saveProbeHolder: (holder) => saveProbeHolder(db, holder),
    listProbeHolders: () => listProbeHolders(db),
    deleteProbeHolder: (holder, at) => deleteProbeHolder(db, holder, at),
    seedLeases: (location, serviceIds) => seedLeases(db, location, serviceIds),
    claimLeases: (claim) => claimLeases(db, claim),

    createIncident: (input) => createIncident(db, input),
    addIncidentUpdate: async (incidentId, input) => {
      try {
        return await addIncidentUpdate(db, incidentId, input);
      } catch (error) {
        // Reopening an automatic incident while another one is open for the same service.
        if (db.isUniqueViolation(error))
          throw new StoreConflictError(`Incident "${incidentId}" cannot be reopened: another automatic incident is open for its service`);
        throw error;
      }
    },
    editIncidentUpdate: (updateId, input) => editIncidentUpdate(db, updateId, input),
    getIncident: (id) => getIncident(db, id),
    getIncidentUpdate: (id) => getIncidentUpdate(db, id),
    listIncidents: (options) => listIncidents(db, options),

    createMaintenance: (input) => createMaintenance(db, input),
    updateMaintenance: (id, patch) => updateMaintenance(db, id, patch),
    cancelMaintenance: (id, at) => cancelMaintenance(db, id, at),
    getMaintenance: (id) => getMaintenance(db, id),
    listMaintenances: (options) => listMaintenances(db, options),

    createStaff: (input) => createStaff(db, input),
    getStaffByEmail: (email) => getStaffByEmail(db, email),
    getStaffById: (id) => getStaffById(db, id),
    listStaff: () => listStaff(db),
    updateStaff: (id, patch) => updateStaff(db, id, patch),
    claimTotpStep: (staffId, step) => claimTotpStep(db, staffId, step),

    createSession: (session) => createSession(db, session),
    getSession: (idHash) => getSession(db, idHash),
    touchSession: (idHash, at) => touchSession(db, idHash, at),
    deleteSession: (idHash) => deleteSession(db, idHash),
    deleteStaffSessions: (staffId) => deleteStaffSessions(db, staffId),

    reserveLoginAttempt: (keys, at) => reserveLoginAttempt(db, keys, at),
    releaseLoginAttempt: (attempt, keys) => releaseLoginAttempt(db, attempt, keys),
    stampLoginAttempt: (attempt, at) => stampLoginAttempt(db, attempt, at),
    pruneLoginFailures: (before) => pruneLoginFailures(db, before),
    countLoginFailures: (key, since) => countLoginFailures(db, key, since),
    clearLoginFailures: (key) => clearLoginFailures(db, key),

    appendAudit: (entry) => appendAudit(db, entry),
    audited: (write, entry) =>
      db.transaction(async (tx) => {
        const written = await write(createSqlStore(withinTransaction(db, tx), backend));
        await insertAudit(tx, entry(written));
        return written;
      }),
    pruneAudit: (before) => pruneAudit(db, before),
    listAudit: (options) => listAudit(db, options),
    readTimeline: (options) => readTimeline(db, options),
    pruneStateChanges: (before) => pruneStateChanges(db, before),
    listTemplates: () => listTemplates(db),
    saveTemplate: (template, at) => db.transaction((tx) => saveTemplate(tx, template, at)),
  };
}

/**
 * The clock leases, heartbeats and freshness are judged by: PostgreSQL's, shared by every process
 * on every host; a SQLite file is used from one host, whose clock is the store's.
 */
async function storeNow(db: SqlDatabase): Promise<Date> {
  if (db.dialect === 'sqlite') return new Date();
  const [row] = await db.all('SELECT now() AS now');
  return readDate(row?.now);
}
