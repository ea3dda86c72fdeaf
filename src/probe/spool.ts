import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spoolLine, type SpooledWrite } from './spool-format.ts';

/**
 * Check results the store had not acknowledged when the probe was asked to stop, kept in a local
 * file so the next run writes them before anything new: a restart after SIGTERM loses nothing the
 * probe made. One file per run, `<location>.<run>.jsonl`; a starting run takes every file of its
 * location by renaming it (atomic, so two runs starting at once never both replay one), and while
 * it replays, rewrites its file with what is still to write after each batch, from the lines as
 * read (no re-encoding): a crash during the replay writes nothing twice but that batch.
 */
export interface Spool {
  /** The writes earlier runs left, oldest run first; every line that does not parse is reported and skipped. */
  claim(): SpooledWrite[];
  /** The first `done` claimed writes are stored (or refused): they leave the file. */
  replayed(done: number): void;
  /** Replaces this run's file with these writes (none: removes it). Synchronous, so it also works on the way out. */
  save(writes: readonly SpooledWrite[]): void;
  readonly file: string;
}

export interface SpoolOptions {
  dir: string;
  location: string;
  /** Unique to this run of the process. */
  run: string;
  onBadLine?: (detail: string) => void;
}

export function createSpool(options: SpoolOptions): Spool {
  const { dir, location } = options;
  const file = join(dir, `${location}.${options.run}.jsonl`);
  let claimedLines: string[] = [];

  function write(content: string[]): void {
    if (content.length === 0) {
      rmSync(file, { force: true });
      return;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, `${content.join('\n')}\n`);
    renameSync(`${file}.tmp`, file);
  }

  /** `name` is the file's name before this run took it, for messages. */
  function read(path: string, name: string): { lines: string[]; writes: SpooledWrite[]; total: number } {
    const kept: string[] = [];
    const writes: SpooledWrite[] = [];
    const all = readFileSync(path, 'utf8').split('\n');
    all.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = parseLine(line);
      if (parsed.success) {
        kept.push(line);
        writes.push(parsed.data);
      } else options.onBadLine?.(`${join(dir, name)}:${i + 1}: ${parsed.error}`);
    });
    return { lines: kept, writes, total: all.filter((l) => l.trim() !== '').length };
  }

  return {
    file,
    claim() {
      mkdirSync(dir, { recursive: true });
      const mine = `${location}.${options.run}.jsonl`;
      const claimed: { path: string; name: string }[] = [];
      // A `.claimed-N` file is one a run took and died before merging: taken again like the rest.
      const theirs = (n: string) => n.startsWith(`${location}.`) && /\.jsonl(\.claimed-\d+)?$/.test(n) && !n.startsWith(mine);
      for (const name of readdirSync(dir).filter(theirs)) {
        const to = `${file}.claimed-${claimed.length}`;
        try {
          renameSync(join(dir, name), to);
          claimed.push({ path: to, name });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      claimed.sort((a, b) => statSync(a.path).mtimeMs - statSync(b.path).mtimeMs);
      const taken = claimed.map(({ path, name }) => ({ path, ...read(path, name) }));
      claimedLines = taken.flatMap((t) => t.lines);
      const [only] = taken;
      if (taken.length === 1 && only && only.lines.length === only.total) renameSync(only.path, file);
      else {
        write(claimedLines);
        for (const { path } of claimed) rmSync(path, { force: true });
      }
      return taken.flatMap((t) => t.writes);
    },
    replayed(done) {
      write(claimedLines.slice(done));
    },
    save(writes) {
      claimedLines = [];
      write(writes.map((w) => JSON.stringify(w)));
    },
  };
}

function parseLine(line: string): { success: true; data: SpooledWrite } | { success: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { success: false, error: error instanceof Error ? error.message : String(error) };
  }
  const parsed = spoolLine.safeParse(json);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
