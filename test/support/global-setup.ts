import { ensureSiteBuilt } from './site-server.ts';

/** Builds the site once, before any test file starts, if its sources changed since the last build. */
export default async function setup(): Promise<void> {
  await ensureSiteBuilt();
}
