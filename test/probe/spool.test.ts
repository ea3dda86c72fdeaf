import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpooledWrite } from '../../src/probe/spool-format.ts';
import { createSpool } from '../../src/probe/spool.ts';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import { at, result, tracking } from '../store/contract-fixtures.ts';

/** The spool file on a real folder: what a stopping run leaves, and how the next one takes and replays it. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-spool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function spooled(serviceId: string, second: number, decide = false): SpooledWrite {
  const r = result({ serviceId, startedAt: at(second), tlsExpiresAt: second === 0 ? at(86_400) : null });
  return {
    result: r,
    tracking: tracking({ serviceId, lastCheckedAt: at(second) }),
    rollups: rollupDeltas({ result: r, state: 'operational', previousCheckedAt: null, interval: 60 }),
    decide,
  };
}

const spool = (run: string, location = 'paris', bad: string[] = []) =>
  createSpool({ dir: join(dir, 'spool'), location, run, onBadLine: (line) => bad.push(line) });

describe('probe spool', () => {
  it('gives the next run every write, dates and decisions included, and forgets them as they are replayed', () => {
    const writes = [spooled('caf', 0, true), spooled('caf', 60), spooled('impots', 60)];
    spool('run-1').save(writes);
    const next = spool('run-2');
    expect(next.claim()).toEqual(writes);
    expect(readdirSync(join(dir, 'spool'))).toEqual(['paris.run-2.jsonl']);
    next.replayed(2);
    expect(readFileSync(next.file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(spool('run-3').claim()).toEqual([writes[2]]);
  });

  it("keeps a journey's failed step, a certificate's issuer and the lease the check was made under", () => {
    const base = spooled('caf', 0, true);
    const write: SpooledWrite = {
      ...base,
      result: { ...base.result, outcome: 'http_5xx', step: 2, tlsIssuer: 'R11' },
      tracking: { ...base.tracking, lastStep: 2, tlsExpiresAt: at(86_400), tlsIssuer: 'R11' },
      lease: { holder: 'box:12:abcdef', epoch: 3 },
    };
    spool('run-1').save([write]);
    expect(spool('run-2').claim()).toEqual([write]);
  });

  it('removes its file once everything is replayed, or when nothing is left to save', () => {
    spool('run-1').save([spooled('caf', 0)]);
    const next = spool('run-2');
    next.claim();
    next.replayed(1);
    expect(readdirSync(join(dir, 'spool'))).toEqual([]);
    next.save([spooled('caf', 60)]);
    next.save([]);
    expect(readdirSync(join(dir, 'spool'))).toEqual([]);
  });

  it("takes every earlier run's file of its location, oldest first, and leaves other locations' alone", () => {
    spool('old').save([spooled('caf', 0)]);
    utimesSync(join(dir, 'spool', 'paris.old.jsonl'), new Date(1_000), new Date(1_000));
    spool('newer').save([spooled('caf', 60)]);
    spool('other', 'lyon').save([spooled('caf', 30)]);
    const claimed = spool('run-3').claim();
    expect(claimed.map((w) => w.result.startedAt)).toEqual([at(0), at(60)]);
    expect(readdirSync(join(dir, 'spool')).sort()).toEqual(['lyon.other.jsonl', 'paris.run-3.jsonl']);
  });

  it('names a damaged line, skips it and keeps the others', () => {
    spool('run-1').save([spooled('caf', 0), spooled('caf', 60)]);
    const file = join(dir, 'spool', 'paris.run-1.jsonl');
    const [first, second] = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(file, `${first}\n{"result":\n${second!.replace('"operational"', '"fine"')}\n`);
    const bad: string[] = [];
    const claimed = spool('run-2', 'paris', bad).claim();
    expect(claimed.map((w) => w.result.startedAt)).toEqual([at(0)]);
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatch(/spool\/paris\.run-1\.jsonl:2: /);
    expect(bad[1]).toMatch(/:3: .*state/);
  });
});
