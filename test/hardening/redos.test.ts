import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { sourceRegexes } from './source-regexes.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * No regular expression in `src/` backtracks super-linearly: outside input (paths, headers, form
 * fields, bodies of checked pages) reaches many of them, and one quadratic pattern is enough to
 * stall a process. recheck proves each pattern safe or shows the attack string.
 */
describe('regular expressions in src/', () => {
  const { regexes, unreadable } = sourceRegexes(root);

  it('are all found (a RegExp built from a variable cannot be checked)', () => {
    expect(regexes.length).toBeGreaterThan(40);
    expect(unreadable).toEqual([]);
  });

  it('have no super-linear backtracking', async () => {
    const vulnerable: string[] = [];
    for (const regex of regexes) {
      // A fixed seed and step limits only: recheck's fuzzing then finds the same attack strings on
      // every run. Its default wall-clock limits on each trial match made a bounded pattern look
      // polynomial on a loaded machine (a slow match read as a blow-up).
      const diagnostics = await check(regex.source, regex.flags, {
        timeout: null,
        randomSeed: 20_261_129,
        attackTimeout: null,
        incubationTimeout: null,
        seedingTimeout: null,
      });
      if (diagnostics.status === 'vulnerable') {
        vulnerable.push(
          `${regex.where} /${regex.source}/${regex.flags}: ${diagnostics.complexity.summary}, e.g. ${diagnostics.attack.pattern}`,
        );
      } else if (diagnostics.status === 'unknown') {
        vulnerable.push(`${regex.where} /${regex.source}/${regex.flags}: could not be proved safe (${diagnostics.error.kind})`);
      }
    }
    expect(vulnerable).toEqual([]);
  }, 600_000);
});
