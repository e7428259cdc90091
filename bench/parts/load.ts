// (2) Complete resets per minute and their latency (p50/p99) with 1, 8 and 32 users resetting at once against
// one web host. Each virtual user loops over its own AD account. "As fast as possible" (no pause between resets)
// finds the ceiling; "paced" offers a fixed rate (e.g. 300/min from 8 users, each starting a reset every 1.6 s),
// which is what the latency target is about: staff at 8 kiosks, not 8 robots.
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { startHost } from '../lib/host-process.js';
import { completeReset, freshPassword, OutboxCodes, type BenchUser } from '../lib/reset-client.js';
import type { Dc } from '../lib/samba.js';
import { percentile } from '../lib/stats.js';
import { adHostConfig } from './stack-config.js';

export type LoadSpec = { users: number; pacedPerMinute?: number };
export type LoadLevel = LoadSpec & {
  seconds: number;
  resets: number;
  errors: number;
  perMinute: number;
  p50: number;
  p99: number;
  firstError?: string;
};

export async function measureLoad(
  dc: Dc,
  users: BenchUser[],
  workDir: string,
  specs: LoadSpec[],
  seconds: number,
): Promise<LoadLevel[]> {
  const outbox = join(workDir, 'outbox-load.jsonl');
  const host = await startHost(adHostConfig(dc, outbox));
  const codes = new OutboxCodes(outbox);
  const results: LoadLevel[] = [];
  try {
    await completeReset(host.url, users[0]!, freshPassword(), codes); // warm-up
    for (const spec of specs) {
      const latencies: number[] = [];
      let errors = 0;
      let firstError: string | undefined;
      // Paced: each user starts a reset every `interval` ms, the users staggered evenly over one interval.
      const interval = spec.pacedPerMinute ? (60_000 * spec.users) / spec.pacedPerMinute : 0;
      const started = performance.now();
      const deadline = started + seconds * 1000;
      await Promise.all(
        users.slice(0, spec.users).map(async (user, i) => {
          let next = started + (interval * i) / spec.users;
          while (next < deadline) {
            if (interval) await sleep(Math.max(0, next - performance.now()));
            try {
              latencies.push((await completeReset(host.url, user, freshPassword(), codes)).ms);
            } catch (e) {
              errors++;
              firstError ??= (e as Error).message;
            }
            next = interval ? next + interval : performance.now();
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      results.push({
        ...spec,
        seconds: elapsed,
        resets: latencies.length,
        errors,
        perMinute: (latencies.length / elapsed) * 60,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        ...(firstError ? { firstError } : {}),
      });
    }
  } finally {
    await host.stop();
  }
  return results;
}
