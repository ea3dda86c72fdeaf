/**
 * Runs this process on a clock shifted from the real one, loaded through `setupFiles` in a vitest
 * worker or `--import` in a site started by `startSite`:
 * - VIGIE_TEST_CLOCK: the clock reads this instant when the run begins and keeps ticking, so the
 *   date-sensitive suites meet the hours near midnight and the clock changes. The offset, not the
 *   instant, is passed on to child processes, so every process of a run shares one clock.
 * - VIGIE_TEST_CLOCK_CONTROL (a child started with an IPC channel): the parent moves the clock
 *   forward with `{ advanceClockMs }` and is answered once it has moved, so a test waits for
 *   time to pass in the site without sleeping.
 * - VIGIE_TEST_CLOCK_FROZEN (with the control): the clock stands still between moves, so two
 *   renders of the same data at the same instant are the same bytes.
 */
const OFFSET_VARIABLE = 'VIGIE_TEST_CLOCK_OFFSET_MS';
const RealDate = Date;

function startingOffset(): number | null {
  const inherited = process.env[OFFSET_VARIABLE];
  if (inherited !== undefined) return Number(inherited);
  const instant = process.env.VIGIE_TEST_CLOCK;
  if (instant === undefined) return process.env.VIGIE_TEST_CLOCK_CONTROL === undefined ? null : 0;
  const at = new RealDate(instant).getTime();
  if (Number.isNaN(at)) throw new Error(`VIGIE_TEST_CLOCK: not a date: ${instant}`);
  process.env[OFFSET_VARIABLE] = String(at - RealDate.now());
  return at - RealDate.now();
}

let offset = startingOffset();
const frozenAt = process.env.VIGIE_TEST_CLOCK_FROZEN === undefined ? null : RealDate.now();
const clockNow = () => (frozenAt ?? RealDate.now()) + (offset ?? 0);
if (offset !== null) {
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clockNow());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return clockNow();
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

if (process.env.VIGIE_TEST_CLOCK_CONTROL !== undefined && process.send) {
  process.on('message', (message: { advanceClockMs?: number }) => {
    if (typeof message.advanceClockMs !== 'number') return;
    offset = (offset ?? 0) + message.advanceClockMs;
    process.send?.({ clockAdvanced: message.advanceClockMs });
  });
  process.channel?.unref();
}
