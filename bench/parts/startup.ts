// (6) Cold start and idle memory of the main process, as an admin (or a kiosk at every logon) pays them: the
// installed package's command (bench/lib/install.ts: npm pack → npm install -g --omit=dev) runs `serve` as a fresh
// process; "ready" is the moment its /healthz answers. The first, unmeasured run warms the OS file cache and fills
// Node's compile cache (bin.js turns it on), as any start after the first finds them.
// Idle RSS is read from /proc once the idle process has settled: V8 keeps the young generation it grew while
// loading modules until its memory reducer runs after several seconds without allocation, so RSS 2 s after start
// (reported too) is start-up's high-water mark, not what an idle host holds. Adapters are imported only when
// configured (app.ts), so the demo host never loads ldapts, twilio or ioredis, and a local-mode config loads only
// what it names. CPU time to ready (all threads, /proc/<pid>/stat) is reported too: on a shared machine the wall
// time is mostly waiting for a CPU, the CPU time is what the start costs.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from '../lib/stats.js';

export type Startup = {
  runs: number;
  readyMs: number;
  /** CPU time (user + system, all threads) from spawn to ready, median. */
  cpuMs: number;
  readyMsMax: number;
  startRssMb: number;
  idleRssMb: number;
  idleAfterSeconds: number;
};
export type StartupSpec = { config: unknown; env?: NodeJS.ProcessEnv };

const START_MS = 2000;
const IDLE_MS = 30_000;
const IDLE_RUNS = 3;

/** User + system CPU time of a process so far in ms (Linux: /proc/<pid>/stat fields 14 and 15, in USER_HZ = 1/100 s). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** VmRSS of a process in MB (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

type Sample = { readyMs: number; cpuMs: number; startRssMb?: number; idleRssMb?: number };

async function once(cli: string, configFile: string, env: NodeJS.ProcessEnv, sampleMemory: boolean): Promise<Sample> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--config', configFile], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      // The banner is on stderr since 1.0.0, on stdout before (a baseline may be older).
      const read = (d: Buffer) => {
        out += d.toString();
        const m = /reset wizard on (http:\/\/[^\s]+)/.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out.slice(-300)}`)));
    });
    const res = await fetch(`${url}/healthz`);
    if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
    const readyMs = performance.now() - t0;
    const cpu = cpuMs(child.pid!);
    if (!sampleMemory) return { readyMs, cpuMs: cpu };
    await sleep(START_MS);
    const startRssMb = rssMb(child.pid!);
    await sleep(IDLE_MS - START_MS);
    return { readyMs, cpuMs: cpu, startRssMb, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

/** `cli`: the installed package's bin.js (or cli.js of a build from before 1.0.0): bench/lib/install.ts. */
export async function measureStartup(
  workDir: string,
  name: string,
  spec: StartupSpec,
  runs: number,
  cli: string,
): Promise<Startup> {
  const configFile = join(workDir, `startup-${name}.json`);
  writeFileSync(configFile, JSON.stringify(spec.config));
  const env = spec.env ?? {};
  await once(cli, configFile, env, false); // warm the OS file cache: later runs measure Node, not the disk
  const starts: Sample[] = [];
  for (let i = 0; i < runs; i++) starts.push(await once(cli, configFile, env, false));
  const ready = starts.map((s) => s.readyMs);
  const memory: Sample[] = [];
  for (let i = 0; i < IDLE_RUNS; i++) memory.push(await once(cli, configFile, env, true));
  return {
    runs,
    readyMs: median(ready),
    cpuMs: median(starts.map((s) => s.cpuMs)),
    readyMsMax: Math.max(...ready),
    startRssMb: median(memory.map((m) => m.startRssMb!)),
    idleRssMb: median(memory.map((m) => m.idleRssMb!)),
    idleAfterSeconds: IDLE_MS / 1000,
  };
}
