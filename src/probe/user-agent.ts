/**
 * The probe's identity on every request: `Vigie-probe/<version> (+<public URL>)`. The "about the
 * probes" page prints the same string so agencies can allow-list exactly what they will see.
 */
export function probeUserAgent(version: string, publicUrl: string): string {
  return `Vigie-probe/${version} (+${publicUrl})`;
}
