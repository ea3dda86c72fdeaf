/**
 * Names a probe process, for its heartbeat and its leases alike. Host and pid tell an operator
 * where to look (`ps` on that host, the process's log lines); the random suffix keeps two runs
 * apart when a pid comes back (a container's probe is pid 1 after every restart, often under the
 * same hostname). A name given from outside (`VIGIE_PROBE_ID`: `npm start`'s supervisor or systemd)
 * is kept across restarts instead: the restarted process is its predecessor, dead by then, and
 * takes back its leases and heartbeat row at once instead of waiting for them to expire.
 */
export function probeProcessId(host: string, pid: number, suffix: string, given?: string): string {
  return given ?? `${host}:${pid}:${suffix}`;
}
