import type { LeaseClaimed, ProbeHolder } from '../../domain/records.ts';
import { placeholders, readDate, readNumber, readString, type Row, type SqlDatabase } from './executor.ts';

/**
 * Probe processes and the leases through which those at one location share its services. The
 * store only persists and hands out free rows (`SKIP LOCKED` on PostgreSQL: two processes claiming
 * at once take different rows, never wait on each other); how many to hold is the probe's call.
 */
export async function saveProbeHolder(db: SqlDatabase, h: ProbeHolder): Promise<void> {
  await db.run(
    `INSERT INTO probe_holders (holder, location, host, pid, seen_until) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (holder) DO UPDATE SET location = excluded.location, host = excluded.host, pid = excluded.pid,
       seen_until = excluded.seen_until`,
    [h.holder, h.location, h.host, h.pid, db.time(h.seenUntil)],
  );
}

export async function listProbeHolders(db: SqlDatabase): Promise<ProbeHolder[]> {
  const rows = await db.all('SELECT * FROM probe_holders ORDER BY holder');
  return rows.map((row: Row) => ({
    holder: readString(row.holder),
    location: readString(row.location),
    host: readString(row.host),
    pid: readNumber(row.pid),
    seenUntil: readDate(row.seen_until),
  }));
}

/** Forgets a process and frees its leases at once, so the others take them without waiting them out. */
export async function deleteProbeHolder(db: SqlDatabase, holder: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM probe_holders WHERE holder = ?', [holder]);
    await tx.run('UPDATE service_leases SET holder = NULL, lease_until = ? WHERE holder = ?', [tx.time(at), holder]);
  });
}

const SEED_BATCH = 500;

/** A seeded row's `lease_until`: never held, so nobody's check of it can be in flight. */
const NEVER_HELD = new Date(0);

/**
 * One lease row per catalogue service at the location, free until claimed; rows of services no
 * longer in the catalogue go, or they would count in a process's share while nobody checks them.
 */
export async function seedLeases(db: SqlDatabase, location: string, serviceIds: readonly string[]): Promise<void> {
  const listed = new Set(serviceIds);
  const gone = (await db.all('SELECT service_id FROM service_leases WHERE location = ?', [location]))
    .map((r) => readString(r.service_id))
    .filter((id) => !listed.has(id));
  for (let i = 0; i < gone.length; i += SEED_BATCH) {
    const batch = gone.slice(i, i + SEED_BATCH);
    await db.run(`DELETE FROM service_leases WHERE location = ? AND service_id IN (${placeholders(batch.length)})`, [location, ...batch]);
  }
  for (let i = 0; i < serviceIds.length; i += SEED_BATCH) {
    const batch = serviceIds.slice(i, i + SEED_BATCH);
    await db.run(
      `INSERT INTO service_leases (location, service_id, holder, lease_until) VALUES ${batch.map(() => '(?, ?, NULL, ?)').join(', ')}
       ON CONFLICT (location, service_id) DO NOTHING`,
      batch.flatMap((id) => [location, id, db.time(NEVER_HELD)]),
    );
  }
}

export interface LeaseClaim {
  location: string;
  holder: string;
  /** How many services this holder should hold after the claim. */
  want: number;
  now: Date;
  until: Date;
  /** Services the holder stopped checking before `now`: given back first when it holds too many. */
  release?: readonly string[];
}

/**
 * Renews this holder's leases, gives back any beyond `want`, takes free or expired ones up to it.
 * Taking a lease bumps its epoch (the fencing token its writes carry); renewing one keeps it.
 */
export async function claimLeases(db: SqlDatabase, claim: LeaseClaim): Promise<LeaseClaimed> {
  return db.transaction(async (tx) => {
    const { location, holder } = claim;
    await tx.run('UPDATE service_leases SET lease_until = ? WHERE location = ? AND holder = ?', [tx.time(claim.until), location, holder]);
    const held = (
      await tx.all('SELECT service_id FROM service_leases WHERE location = ? AND holder = ? ORDER BY service_id', [location, holder])
    ).map((r) => readString(r.service_id));
    let handedOver: LeaseClaimed['handedOver'] = [];
    const release = new Set(claim.release ?? []);
    // A stable sort: the released go last, so they are the ones beyond `want`.
    held.sort((a, b) => Number(release.has(a)) - Number(release.has(b)));
    if (held.length > claim.want) {
      const extra = held.splice(claim.want);
      await tx.run(
        `UPDATE service_leases SET holder = NULL, lease_until = ? WHERE location = ? AND service_id IN (${placeholders(extra.length)})`,
        [tx.time(claim.now), location, ...extra],
      );
    } else if (held.length < claim.want) {
      const skipLocked = tx.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
      const free = await tx.all(
        `SELECT service_id, holder, lease_until FROM service_leases WHERE location = ? AND (holder IS NULL OR lease_until < ?)
         ORDER BY service_id LIMIT ?${skipLocked}`,
        [location, tx.time(claim.now), claim.want - held.length],
      );
      const taken = free.map((r) => readString(r.service_id));
      if (taken.length > 0) {
        await tx.run(
          `UPDATE service_leases SET holder = ?, lease_until = ?, epoch = epoch + 1 WHERE location = ? AND service_id IN (${placeholders(taken.length)})`,
          [holder, tx.time(claim.until), location, ...taken],
        );
      }
      // An expired lease's holder may have started a check until its end (a process starved or
      // paused, not dead), unstored yet: it counts as checked then, like a lease given back.
      handedOver = free
        .filter((r) => readDate(r.lease_until).getTime() > NEVER_HELD.getTime())
        .map((r) => ({ serviceId: readString(r.service_id), freedAt: readDate(r.lease_until) }));
    }
    const mine = await tx.all('SELECT service_id, epoch FROM service_leases WHERE location = ? AND holder = ? ORDER BY service_id', [
      location,
      holder,
    ]);
    const [unheld] = await tx.all('SELECT count(*) AS n FROM service_leases WHERE location = ? AND (holder IS NULL OR lease_until < ?)', [
      location,
      tx.time(claim.now),
    ]);
    return {
      held: mine.map((r) => readString(r.service_id)),
      epochs: Object.fromEntries(mine.map((r) => [readString(r.service_id), readNumber(r.epoch)])),
      unheld: readNumber(unheld?.n),
      handedOver,
    };
  });
}
