import { randomUUID } from 'node:crypto';

/** Gives the run an id so the site is built once per `npm test`, not once per test file. */
export default function setup(): void {
  process.env.VIGIE_TEST_RUN_ID ??= randomUUID();
}
