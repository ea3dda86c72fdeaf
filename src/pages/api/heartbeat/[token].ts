import { heartbeatEndpoint } from '../../../beats/beat-endpoint.ts';

/** A service's heartbeat (a `heartbeat` check in the catalogue): `POST /api/heartbeat/<token>`. */
export const POST = heartbeatEndpoint(process.env);
