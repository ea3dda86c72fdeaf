/** `expectStatus` ("200-399", "200,301-302") parsed once and matched against a status code. */

export type StatusRanges = readonly (readonly [low: number, high: number])[];

/** The catalogue schema has already validated the text; this only splits it. */
export function parseExpectStatus(spec: string): StatusRanges {
  return spec.split(',').map((part) => {
    const [low = Number.NaN, high = low] = part.trim().split('-').map(Number);
    return [low, high] as const;
  });
}

export function statusMatches(status: number, ranges: StatusRanges): boolean {
  return ranges.some(([low, high]) => status >= low && status <= high);
}
