/**
 * V8 lets an idle-looking heap grow far past what the probe uses (33 MB live at 5,000 services,
 * 380 MB resident uncapped). A cap a few times the live size keeps the probe small on a shared
 * machine without starving large catalogues: about 12 KB per service over a 64 MB base, 160 MB at least.
 */
export function probeHeapLimitMb(serviceCount: number): number {
  return Math.max(160, Math.ceil(64 + serviceCount * 0.012));
}
