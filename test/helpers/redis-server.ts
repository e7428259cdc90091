// Starts a throwaway redis-server (Debian's `redis-server` package) on a free port in a temp dir: no
// persistence, a password, bound to 127.0.0.1. `stop()` kills exactly that process and removes the dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export type RedisPeer = { url: string; port: number; password: string; stop(): Promise<void> };

export async function startRedis(): Promise<RedisPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-redis-'));
  const port = await freePort();
  const password = `test-${process.pid}-${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--requirepass', password, '--loglevel', 'warning'];
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${port}: ${output}`)), 10_000);
    child.once('error', (e) => reject(new Error(`cannot run redis-server (apt-get install redis-server): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    const poll = setInterval(async () => {
      if (await canConnect(port)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    password,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}
