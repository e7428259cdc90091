// (1) One complete reset through our stack (HTTP → web host → core → AD adapter → Samba) against a bare
// ldapts reset on the same DC, interleaved so both see the same load (on a shared machine: many runs, medians).
// Also the password step alone, which holds the one modify, against the same baseline.
import { join } from 'node:path';
import { startHost } from '../lib/host-process.js';
import { completeReset, freshPassword, OutboxCodes, type BenchUser, type ResetTiming } from '../lib/reset-client.js';
import type { Dc } from '../lib/samba.js';
import { median, percentile } from '../lib/stats.js';
import { rawReset } from './raw-ldap.js';
import { adHostConfig } from './stack-config.js';

export type Overhead = {
  runs: number;
  rawMs: number;
  stackMs: number;
  ratio: number;
  passwordStepRatio: number;
  rawP90: number;
  stackP90: number;
  /** Medians per wizard step: where the stack's time goes. */
  stepsMs: { start: number; identity: number; code: number; password: number };
};

export async function measureOverhead(dc: Dc, user: BenchUser, workDir: string, runs: number): Promise<Overhead> {
  const outbox = join(workDir, 'outbox-overhead.jsonl');
  const host = await startHost(adHostConfig(dc, outbox));
  const codes = new OutboxCodes(outbox);
  const raw: number[] = [];
  const stack: number[] = [];
  const steps: ResetTiming['steps'][] = [];
  try {
    for (let i = 0; i < 3; i++) {
      await rawReset(dc, user.username, freshPassword()); // warm-up: TLS session, JIT, DC caches
      await completeReset(host.url, user, freshPassword(), codes);
    }
    // Which goes first alternates: the DC may still be busy with the previous reset's modify or unbind.
    const ours = async () => {
      const r = await completeReset(host.url, user, freshPassword(), codes);
      stack.push(r.ms);
      steps.push(r.steps);
    };
    for (let i = 0; i < runs; i++) {
      if (i % 2) await ours();
      raw.push(await rawReset(dc, user.username, freshPassword()));
      if (!(i % 2)) await ours();
    }
  } finally {
    await host.stop();
  }
  const [rawMs, stackMs] = [median(raw), median(stack)];
  const of = (k: keyof ResetTiming['steps']) => median(steps.map((s) => s[k]));
  const stepsMs = { start: of('start'), identity: of('identity'), code: of('code'), password: of('password') };
  return {
    runs,
    rawMs,
    stackMs,
    ratio: stackMs / rawMs,
    passwordStepRatio: stepsMs.password / rawMs,
    rawP90: percentile(raw, 90),
    stackP90: percentile(stack, 90),
    stepsMs,
  };
}
