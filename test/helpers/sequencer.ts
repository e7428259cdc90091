// The order vitest starts test files in (vitest.config.ts `sequence.sequencer`): the files that hold a pool worker
// for half a minute or more start first, so they do not start last and keep the run going after every other file
// has finished. vitest's own order (BaseSequencer) is kept within each group: by the durations it cached in an earlier
// run, and on a clean clone (no cache) the larger files first — which would start the five-line files that run a long
// pwsh script near the end.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Measured on a clean clone (each ≥ 10 s): Wine, pwsh end to end, the property tests, Samba with restarts. */
const LONG = [
  /[\\/]test[\\/]windows[\\/]/,
  /[\\/]test[\\/]logon-tile[\\/]tile\.test\.ts$/,
  /[\\/]test[\\/]integration[\\/]proof[\\/]properties\.test\.ts$/,
  /[\\/]test[\\/]integration[\\/]ad[\\/]pool\.test\.ts$/,
  /[\\/]test[\\/]integration[\\/]store[\\/]redis-reader\.test\.ts$/,
];

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => LONG.some((re) => re.test(f.moduleId));
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}
