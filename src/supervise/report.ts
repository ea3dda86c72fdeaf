import { readFileSync } from 'node:fs';

/**
 * What `npm start`'s supervisor last wrote about its processes (restarts, crash loops), read from
 * the file it names in VIGIE_SUPERVISOR_STATE; null when this process runs alone.
 */
export function supervisorReport(file = process.env.VIGIE_SUPERVISOR_STATE): unknown {
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}
