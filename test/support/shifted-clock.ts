/**
 * Runs this process (a vitest worker, through `setupFiles`, or a site started by `startSite`,
 * through `--import`) on a clock that reads VIGIE_TEST_CLOCK when the run began and keeps
 * ticking, so the date-sensitive suites meet the hours near midnight and the clock changes. The
 * offset, not the instant, is passed on to child processes so every process shares one clock.
 */
const OFFSET_VARIABLE = 'VIGIE_TEST_CLOCK_OFFSET_MS';
const RealDate = Date;

function clockOffset(): number | null {
  const inherited = process.env[OFFSET_VARIABLE];
  if (inherited !== undefined) return Number(inherited);
  const instant = process.env.VIGIE_TEST_CLOCK;
  if (instant === undefined) return null;
  const at = new RealDate(instant).getTime();
  if (Number.isNaN(at)) throw new Error(`VIGIE_TEST_CLOCK: not a date: ${instant}`);
  const offset = at - RealDate.now();
  process.env[OFFSET_VARIABLE] = String(offset);
  return offset;
}

const offset = clockOffset();
if (offset !== null) {
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset!);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return RealDate.now() + offset!;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
