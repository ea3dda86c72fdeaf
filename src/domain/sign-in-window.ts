/**
 * How long a failed sign-in counts against an account and an address. Staff throttling reads it,
 * the probe's housekeeping deletes older failures, and the personal-data page states it.
 */
export const THROTTLE_WINDOW_MS = 24 * 60 * 60_000;
