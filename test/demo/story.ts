import type { FakeGov } from '../fake-gov/index.ts';
import { flap, slow, status, up, type Behaviour } from '../fake-gov/behaviours.ts';

/**
 * The demo's scripted story, as data: what each fake service does, from when. One "beat" is one
 * check interval, so the story reads the same whatever the pace.
 */
export interface StoryStep {
  atBeat: number;
  serviceId: string;
  behaviour: Behaviour;
  /** What a newcomer should now see on the site. */
  says: string;
}

export const DEMO_STORY: readonly StoryStep[] = [
  {
    atBeat: 3,
    serviceId: 'impots',
    behaviour: status(503),
    says: 'impots.gouv.fr answers 503: an outage is confirmed after 3 failed checks',
  },
  { atBeat: 5, serviceId: 'ameli', behaviour: slow(3_500), says: 'ameli.fr slows down: shown as degraded' },
  { atBeat: 10, serviceId: 'caf', behaviour: flap([up(), status(500)]), says: 'caf.fr flaps: degraded, one outage at most' },
  { atBeat: 14, serviceId: 'ameli', behaviour: up(), says: 'ameli.fr is fast again' },
  { atBeat: 16, serviceId: 'impots', behaviour: up(), says: 'impots.gouv.fr answers again: recovery confirmed after 2 good checks' },
  { atBeat: 18, serviceId: 'caf', behaviour: up(), says: 'caf.fr is stable again' },
];

/** Beats after the last step before the story starts again. */
export const STORY_PAUSE_BEATS = 8;

/**
 * Plays the story in a loop until `signal` aborts; `onStep` reports each step as it happens.
 * Services missing from the demo catalogue are skipped.
 */
export async function playStory(options: {
  gov: FakeGov;
  beatMs: number;
  serviceIds: ReadonlySet<string>;
  signal: AbortSignal;
  onStep: (step: StoryStep) => void;
  loop?: boolean;
}): Promise<void> {
  const steps = DEMO_STORY.filter((step) => options.serviceIds.has(step.serviceId));
  const lastBeat = Math.max(...steps.map((s) => s.atBeat)) + STORY_PAUSE_BEATS;
  do {
    let beat = 0;
    for (const step of steps) {
      await sleep((step.atBeat - beat) * options.beatMs, options.signal);
      beat = step.atBeat;
      options.gov.set(step.serviceId, step.behaviour);
      options.onStep(step);
    }
    await sleep((lastBeat - beat) * options.beatMs, options.signal);
  } while (options.loop !== false && !options.signal.aborted);
}

async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw signal.reason;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
