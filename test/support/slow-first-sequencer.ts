import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest runs the files that took longest last time first, but a fresh clone (CI) has no such
 * record and falls back to file size, which can leave a minute-long browser file for the end with
 * one worker idle. These files are known to be long (real browsers, processes waiting on check
 * intervals): without a record, they go first.
 */
const KNOWN_LONG = /\/(browser\/|demo\/|probe\/(locations|leases|main)|admin\/(staff-cli|site-security)|hardening\/fuzz)/;

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (sorted.every((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
    // Within each project: the base order keeps projects together.
    const rank = (spec: TestSpecification) => (KNOWN_LONG.test(spec.moduleId) ? 0 : 1);
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    return projects.flatMap((name) => sorted.filter((spec) => spec.project.name === name).sort((a, b) => rank(a) - rank(b)));
  }
}
