// Starts bench/host.js (compiled) as a child process and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUDGET_KINDS, deriveLimits, DEFAULT_LIMITS, type AllLimits } from '../../src-main/core/throttle.js';

const HOST = fileURLToPath(new URL('../host.js', import.meta.url));

/** Load from one client must not hit per-kiosk, per-user or per-account limits (nor the account's spacing
 *  between texts: the bench resets the same few people many times a second); the per-code limit stays. */
const DEFAULTS = deriveLimits(DEFAULT_LIMITS);
export const BENCH_LIMITS = Object.fromEntries(
  BUDGET_KINDS.map((k) => [k, k === 'codeChecks' ? DEFAULTS[k] : { ...DEFAULTS[k], points: 10_000_000 }]),
) as AllLimits;

export type HostProcess = {
  url: string;
  pid: number;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
};

/** `hostJs`: another build's compiled bench/host.js (the baseline comparison); this build's by default. */
export async function startHost(
  spec: { config: unknown; rendererDir?: string; env?: NodeJS.ProcessEnv },
  hostJs = HOST,
): Promise<HostProcess> {
  const child: ChildProcess = fork(hostJs, [], {
    execArgv: ['--expose-gc'],
    env: {
      ...process.env,
      ...spec.env,
      BENCH_HOST: JSON.stringify({ config: spec.config, limits: BENCH_LIMITS, rendererDir: spec.rendererDir }),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], // the demo outbox prints every text: not wanted here
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bench host exited (${code})`));
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m[key] as T);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const url = await next<string>('url');
  return {
    url,
    pid: child.pid!,
    memory: () => (child.send({ type: 'mem' }), next('mem')),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
