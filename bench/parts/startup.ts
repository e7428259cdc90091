// (6) Cold start and idle memory of the main process, as an admin (or a kiosk at every logon) pays them:
// `node dist/main/cli.js serve` is spawned as a fresh process; "ready" is the moment its /healthz answers;
// idle RSS is read from /proc after it has sat idle. Adapters are imported only when configured (app.ts), so the
// demo host never loads ldapts, twilio or ioredis, and a local-mode config loads only what it names.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../lib/paths.js';
import { median } from '../lib/stats.js';

export type Startup = { runs: number; readyMs: number; readyMsMax: number; idleRssMb: number };
export type StartupSpec = { config: unknown; env?: NodeJS.ProcessEnv };

const CLI = join(repoRoot(), 'dist', 'main', 'cli.js');
const IDLE_MS = 2000;

/** VmRSS of a process in MB (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

async function once(configFile: string, env: NodeJS.ProcessEnv): Promise<{ readyMs: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--config', configFile], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /reset wizard on (http:\/\/[^\s]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out.slice(-300)}`)));
    });
    const res = await fetch(`${url}/healthz`);
    if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
    const readyMs = performance.now() - t0;
    await sleep(IDLE_MS);
    return { readyMs, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

export async function measureStartup(workDir: string, name: string, spec: StartupSpec, runs: number): Promise<Startup> {
  const configFile = join(workDir, `startup-${name}.json`);
  writeFileSync(configFile, JSON.stringify(spec.config));
  await once(configFile, spec.env ?? {}); // warm the OS file cache: later runs measure Node, not the disk
  const samples: { readyMs: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(configFile, spec.env ?? {}));
  const ready = samples.map((s) => s.readyMs);
  return { runs, readyMs: median(ready), readyMsMax: Math.max(...ready), idleRssMb: median(samples.map((s) => s.rssMb)) };
}
