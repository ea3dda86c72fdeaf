/**
 * Instants at which day arithmetic done in 24-hour steps lands on the wrong Paris day: late and
 * early hours on both sides of each clock change, and the nights of the changes themselves.
 * Date-sensitive tests run under each of them, so they pass at every hour of every day.
 */
export const FIXED_CLOCKS: readonly { name: string; at: Date }[] = [
  { name: '23:59 Paris on a winter evening (the last 89 days cross the October change)', at: new Date('2026-11-20T22:59:30Z') },
  { name: '00:00 Paris on a winter night', at: new Date('2026-11-20T23:00:30Z') },
  { name: '00:30 Paris on a summer night (the last 89 days cross the March change)', at: new Date('2026-05-10T22:30:00Z') },
  { name: '23:59 Paris on a summer evening', at: new Date('2026-05-10T21:59:30Z') },
  { name: '23:59 Paris the evening before the March change', at: new Date('2026-03-28T22:59:30Z') },
  { name: '03:30 Paris just after the March change', at: new Date('2026-03-29T01:30:00Z') },
  { name: '02:30 Paris the second time, just after the October change', at: new Date('2026-10-25T01:30:00Z') },
  { name: '23:59 Paris at the end of the 25-hour October day', at: new Date('2026-10-25T22:59:30Z') },
];
