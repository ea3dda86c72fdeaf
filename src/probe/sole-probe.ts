import type { ProbeHolder } from '../domain/records.ts';

/**
 * On a SQLite file one probe process works at a time: a second one would interleave its
 * observations with the first one's. Only another process still alive holds the file: on this
 * host its pid is asked directly (so a restart after kill -9 is not refused), elsewhere its
 * `seenUntil` must have passed. A row under this process's own name (`VIGIE_PROBE_ID`, kept across
 * restarts) is its predecessor's, unless that pid still runs here: the same name started twice.
 */
export function soleProbeProblem(
  holders: readonly ProbeHolder[],
  me: Pick<ProbeHolder, 'holder' | 'host' | 'pid'>,
  now: Date,
  isAlive: (pid: number) => boolean,
): string | null {
  const other = holders.find((h) => {
    const sameHost = h.host === me.host;
    if (h.holder === me.holder) return sameHost && h.pid !== me.pid && isAlive(h.pid);
    return sameHost ? isAlive(h.pid) : h.seenUntil.getTime() > now.getTime();
  });
  if (!other) return null;
  return (
    `another probe process (pid ${other.pid} on ${other.host}, location "${other.location}") already uses this SQLite database. ` +
    'One probe per SQLite file: stop the other one, or use PostgreSQL (DATABASE_URL=postgres://…) to run several probes.'
  );
}

/** Whether a process with this pid runs on this host (signal 0 checks without signalling). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
