export interface FixedClock {
  name: string;
  at: Date;
}

/** A winter evening whose last 89 days cross the October change: where 24-hour steps went a day late. */
const WINTER_EVENING: FixedClock = { name: '23:30 Paris on a winter evening', at: new Date('2026-11-20T22:30:00Z') };
/** A summer night whose last 89 days cross the March change: where 24-hour steps go a day early. */
const SUMMER_NIGHT: FixedClock = { name: '00:30 Paris on a summer night', at: new Date('2026-05-10T22:30:00Z') };
const OCTOBER_CHANGE: FixedClock = {
  name: '02:30 Paris the second time, just after the October change',
  at: new Date('2026-10-25T01:30:00Z'),
};

/**
 * Instants at which day arithmetic done in 24-hour steps lands on the wrong Paris day: late and
 * early hours on both sides of each clock change, and the nights of the changes themselves.
 * Pure date-sensitive tests run under each of them, so they pass at every hour of every day.
 */
export const FIXED_CLOCKS: readonly FixedClock[] = [
  WINTER_EVENING,
  SUMMER_NIGHT,
  OCTOBER_CHANGE,
  { name: '23:59 Paris on a winter evening', at: new Date('2026-11-20T22:59:30Z') },
  { name: '00:00 Paris on a winter night', at: new Date('2026-11-20T23:00:30Z') },
  { name: '23:59 Paris on a summer evening', at: new Date('2026-05-10T21:59:30Z') },
  { name: '23:59 Paris the evening before the March change', at: new Date('2026-03-28T22:59:30Z') },
  { name: '03:30 Paris just after the March change', at: new Date('2026-03-29T01:30:00Z') },
  { name: '23:59 Paris at the end of the 25-hour October day', at: new Date('2026-10-25T22:59:30Z') },
];

/**
 * The ones the site suites (a real site process, seconds long) run under as well: each costs a
 * run of those suites, and a clock that ticks past midnight between seeding and reading is a
 * different story (yesterday's data), so none of them is a minute before midnight.
 */
export const SITE_SUITE_CLOCKS: readonly FixedClock[] = [WINTER_EVENING, SUMMER_NIGHT, OCTOBER_CHANGE];
