/** Where services push their heartbeats: `POST /api/heartbeat/<token>` (see `src/beats/`). */
export const HEARTBEAT_PATH_PREFIX = '/api/heartbeat/';

export function isHeartbeatPath(pathname: string): boolean {
  return pathname.startsWith(HEARTBEAT_PATH_PREFIX);
}
