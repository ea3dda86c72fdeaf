import { readFileSync } from 'node:fs';

/** User + system CPU of a process in clock ticks (1/100 s), from /proc. */
export function cpuTicksOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}
