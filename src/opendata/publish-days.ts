import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { addParisDays, parisDayKey, parisDayStartOfKey } from '../domain/paris-time.ts';
import type { Store } from '../store/store.ts';
import { appendToChain, chainSchema, sha256Hex, type Chain } from './chain.ts';
import { CHECK_HEADER, checkLine } from './check-csv.ts';
import { dataPackage } from './datapackage.ts';

/**
 * Writes the open-data files of every complete Paris day not yet published, oldest first, and
 * appends each to the chain. A day is complete an hour after it ends (results are written late
 * by at most a timeout and a batch; a probe that lost the store for longer publishes late results
 * in no file). A published day is never written again: the chain would break.
 */
export const COMPLETE_AFTER_MS = 3_600_000;

export interface PublishDaysInput {
  store: Pick<Store, 'listResultServices' | 'listResultsBetween' | 'rollupSpan'>;
  dir: string;
  now: Date;
  /** Raw results are kept this long: older days cannot be written any more. */
  retentionDays: number;
  site: { url: string; title: string };
}

export async function publishDays(input: PublishDaysInput): Promise<string[]> {
  const chain = await readChain(input.dir);
  const due = await daysDue(input, chain);
  let current = chain;
  for (const day of due) {
    const path = `checks/${day}.csv.gz`;
    await writeDay(input, day, join(input.dir, path));
    current = appendToChain(current, { day, path, sha256: sha256Hex(await readFile(join(input.dir, path))) });
    await writeAtomically(join(input.dir, 'chain.json'), `${JSON.stringify(current, null, 2)}\n`);
  }
  if (due.length > 0 || chain === null) {
    await writeAtomically(join(input.dir, 'datapackage.json'), `${JSON.stringify(dataPackage(current, input.site), null, 2)}\n`);
  }
  return due;
}

async function daysDue(input: PublishDaysInput, chain: Chain | null): Promise<string[]> {
  const last = chain?.entries.at(-1)?.day;
  let first: string;
  if (last) first = addParisDays(last, 1);
  else {
    const span = await input.store.rollupSpan('day');
    if (!span) return [];
    // The oldest day within retention may have lost its first results already: start after it.
    const oldestWhole = addParisDays(parisDayKey(input.now), -input.retentionDays + 1);
    const measured = parisDayKey(span.first);
    first = measured > oldestWhole ? measured : oldestWhole;
  }
  const days: string[] = [];
  for (
    let day = first;
    parisDayStartOfKey(addParisDays(day, 1)).getTime() + COMPLETE_AFTER_MS <= input.now.getTime();
    day = addParisDays(day, 1)
  ) {
    days.push(day);
  }
  return days;
}

/** The day's results a service at a time (a day of a large catalogue is millions of rows), gzipped as they come. */
async function writeDay(input: PublishDaysInput, day: string, target: string): Promise<void> {
  const from = parisDayStartOfKey(day);
  const to = parisDayStartOfKey(addParisDays(day, 1));
  const services = await input.store.listResultServices({ from, to });
  const store = input.store;
  async function* lines(): AsyncGenerator<string> {
    yield CHECK_HEADER;
    for (const serviceId of services) {
      const results = await store.listResultsBetween({ serviceId, from, to });
      if (results.length > 0) yield `${results.map(checkLine).join('\n')}\n`;
    }
  }
  await mkdir(join(target, '..'), { recursive: true });
  const aside = `${target}.partial`;
  await pipeline(lines, createGzip({ level: 9 }), createWriteStream(aside));
  await rename(aside, target);
}

async function readChain(dir: string): Promise<Chain | null> {
  try {
    return chainSchema.parse(JSON.parse(await readFile(join(dir, 'chain.json'), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(`${path}.partial`, text);
  await rename(`${path}.partial`, path);
}
