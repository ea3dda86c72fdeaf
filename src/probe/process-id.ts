/**
 * Names one run of a probe process, for its heartbeat and its leases alike. Host and pid tell an
 * operator where to look (`ps` on that host, the process's log lines); the random suffix keeps two
 * runs apart when a pid comes back (a container's probe is pid 1 after every restart, often under
 * the same hostname), so a restarted process never takes over its predecessor's row.
 */
export function probeProcessId(host: string, pid: number, suffix: string): string {
  return `${host}:${pid}:${suffix}`;
}
