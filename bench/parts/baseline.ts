// (9) This build against a previous one in the same run (`--baseline=DIR`, a built checkout such as a git worktree
// of the last release): a refactoring may not make the reset slower or the wizard larger. The complete reset runs
// through each build's own bench host (bench/host.ts, compiled in that checkout) on the demo directory, so it
// measures what our code adds (HTTP, validation, session, throttles, code hashing, the password rules) without a
// directory server's noise; the two hosts take turns, so a change in the machine's load hits both alike.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startHost } from '../lib/host-process.js';
import { completeReset, freshPassword, OutboxCodes } from '../lib/reset-client.js';
import { median } from '../lib/stats.js';
import { measureSizes, type Sizes } from './size.js';
import { demoHostConfig } from './stack-config.js';

export type BaselineComparison = {
  resetMs: number;
  baselineResetMs: number;
  runs: number;
  size: Sizes;
  baselineSize: Sizes;
};

const USER = { username: 'A.Janssen', birthdate: '01-10-1984', mobile: '+31612345678' };

/** The checkout's compiled bench host; compiled there (its own sources and tsconfig) when missing. */
function hostOf(checkout: string): string {
  const host = join(checkout, 'dist', 'bench', 'bench', 'host.js');
  if (!existsSync(host)) execFileSync('npx', ['tsc', '-p', 'tsconfig.bench.json'], { cwd: checkout, stdio: 'inherit' });
  return host;
}

async function resets(hostJs: string, work: string, name: string, runs: number): Promise<number[]> {
  const outbox = join(work, `outbox-baseline-${name}.jsonl`);
  const host = await startHost(demoHostConfig(outbox), hostJs);
  const codes = new OutboxCodes(outbox);
  try {
    for (let i = 0; i < 5; i++) await completeReset(host.url, USER, freshPassword(), codes); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push((await completeReset(host.url, USER, freshPassword(), codes)).ms);
    return ms;
  } finally {
    await host.stop();
  }
}

export async function compareWithBaseline(
  root: string,
  baselineDir: string,
  work: string,
  runs: number,
): Promise<BaselineComparison> {
  const base = resolve(baselineDir);
  if (!existsSync(join(base, 'dist', 'renderer'))) throw new Error(`${base} has no build: run npm run build there`);
  const current = hostOf(root);
  const previous = hostOf(base);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 4; round++) {
    ours.push(...(await resets(current, work, `current-${round}`, Math.ceil(runs / 4))));
    theirs.push(...(await resets(previous, work, `baseline-${round}`, Math.ceil(runs / 4))));
  }
  return {
    resetMs: median(ours),
    baselineResetMs: median(theirs),
    runs: ours.length,
    size: measureSizes(join(root, 'dist', 'renderer')),
    baselineSize: measureSizes(join(base, 'dist', 'renderer')),
  };
}
