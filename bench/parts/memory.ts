// (5) Resident memory of the web host over 1 000 complete resets (demo directory: a web host's memory does not
// depend on which directory answers, and the demo keeps the run short). Sampled after a forced GC; growth is
// judged on the heap between the first and the last samples, RSS is reported as the OS sees it.
import { join } from 'node:path';
import { startHost } from '../lib/host-process.js';
import { completeReset, freshPassword, OutboxCodes, type BenchUser } from '../lib/reset-client.js';
import { demoHostConfig } from './stack-config.js';

export type Memory = {
  resets: number;
  samples: { after: number; rssMb: number; heapMb: number }[];
  heapGrowthMb: number;
  rssGrowthMb: number;
};

// Demo people with a usable mobile (resources/demo-directory.json).
const USERS: BenchUser[] = [
  { username: 'A.Janssen', birthdate: '01-10-1984', mobile: '+31612345678' },
  { username: 'M.Bakker', birthdate: '23-07-1990', mobile: '+31623456789' },
  { username: 'E.Dubois', birthdate: '30-11-1995', mobile: '+31645678901' },
];

export async function measureMemory(workDir: string, total: number, concurrency = USERS.length): Promise<Memory> {
  const outbox = join(workDir, 'outbox-memory.jsonl');
  const host = await startHost(demoHostConfig(outbox));
  const codes = new OutboxCodes(outbox);
  const samples: Memory['samples'] = [];
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  const sample = async (after: number) => {
    const m = await host.memory();
    samples.push({ after, rssMb: mb(m.rss), heapMb: mb(m.heapUsed) });
  };
  let done = 0;
  try {
    const checkpoints = [
      Math.round(total / 10),
      Math.round(total / 4),
      Math.round(total / 2),
      Math.round((3 * total) / 4),
      total,
    ];
    for (const checkpoint of checkpoints) {
      await Promise.all(
        USERS.slice(0, concurrency).map(async (user) => {
          while (done < checkpoint) {
            done++;
            await completeReset(host.url, user, freshPassword(), codes);
          }
        }),
      );
      await sample(done);
    }
  } finally {
    await host.stop();
  }
  const first = samples[0]!;
  const last = samples.at(-1)!;
  return {
    resets: done,
    samples,
    heapGrowthMb: Math.round((last.heapMb - first.heapMb) * 10) / 10,
    rssGrowthMb: Math.round((last.rssMb - first.rssMb) * 10) / 10,
  };
}
