/** Longest `?page=` accepted: a million pages of history is past anything real. */
export const MAX_PAGE_DIGITS = 6;
const PAGE_NUMBER = new RegExp(`^[1-9]\\d{0,${MAX_PAGE_DIGITS - 1}}$`);

/**
 * `?page=` as a page number: absent means 1; anything but a plain positive integer is null (a 404).
 * The cache keys and the page read it through this one function, so they never disagree on a page.
 */
export function parsePageNumber(value: string | null): number | null {
  if (value === null || value === '') return 1;
  return PAGE_NUMBER.test(value) ? Number(value) : null;
}
