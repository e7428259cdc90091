// (6) Cold start and idle memory of the main process, as an admin (or a kiosk at every logon) pays them:
// `node dist/main/cli.js serve` is spawned as a fresh process; "ready" is the moment its /healthz answers.
// Idle RSS is read from /proc once the idle process has settled: V8 keeps the young generation it grew while
// loading modules until its memory reducer runs after several seconds without allocation, so RSS 2 s after start
// (reported too) is start-up's high-water mark, not what an idle host holds. Adapters are imported only when configured (app.ts), so the
// demo host never loads ldapts, twilio or ioredis, and a local-mode config loads only what it names.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../lib/paths.js';
import { median } from '../lib/stats.js';

export type Startup = { runs: number; readyMs: number; readyMsMax: number; startRssMb: number; idleRssMb: number; idleAfterSeconds: number };
export type StartupSpec = { config: unknown; env?: NodeJS.ProcessEnv };

/** The built CLI of this checkout, or of another one (`--baseline=DIR`: the same figures for an older build). */
const cliOf = (checkout: string) => join(checkout, 'dist', 'main', 'cli.js');
const START_MS = 2000;
const IDLE_MS = 30_000;
const IDLE_RUNS = 3;

/** VmRSS of a process in MB (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

type Sample = { readyMs: number; startRssMb?: number; idleRssMb?: number };

async function once(cli: string, configFile: string, env: NodeJS.ProcessEnv, sampleMemory: boolean): Promise<Sample> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--config', configFile], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'], // the banner (with the URL) is on stderr
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /reset wizard on (http:\/\/[^\s]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out.slice(-300)}`)));
    });
    const res = await fetch(`${url}/healthz`);
    if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
    const readyMs = performance.now() - t0;
    if (!sampleMemory) return { readyMs };
    await sleep(START_MS);
    const startRssMb = rssMb(child.pid!);
    await sleep(IDLE_MS - START_MS);
    return { readyMs, startRssMb, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

export async function measureStartup(workDir: string, name: string, spec: StartupSpec, runs: number, checkout = repoRoot()): Promise<Startup> {
  const cli = cliOf(checkout);
  const configFile = join(workDir, `startup-${name}.json`);
  writeFileSync(configFile, JSON.stringify(spec.config));
  const env = spec.env ?? {};
  await once(cli, configFile, env, false); // warm the OS file cache: later runs measure Node, not the disk
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) ready.push((await once(cli, configFile, env, false)).readyMs);
  const memory: Sample[] = [];
  for (let i = 0; i < IDLE_RUNS; i++) memory.push(await once(cli, configFile, env, true));
  return {
    runs,
    readyMs: median(ready),
    readyMsMax: Math.max(...ready),
    startRssMb: median(memory.map((m) => m.startRssMb!)),
    idleRssMb: median(memory.map((m) => m.idleRssMb!)),
    idleAfterSeconds: IDLE_MS / 1000,
  };
}
