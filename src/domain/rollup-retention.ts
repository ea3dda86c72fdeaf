/** Rollups are kept five years, leap days included: what a report, or a citizen's claim, may need to look back on. */
export const ROLLUP_RETENTION_DAYS = 1827;
