// Starts a throwaway redis-server (Debian's `redis-server` package) on a free port in a temp dir: no
// persistence, a password, bound to 127.0.0.1. `stop()` kills exactly that process and removes the dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { makeCerts } from './tls-certs.js';

/** The store's server secret the tests give every host (store/pepper.ts): the same on all, like production. */
export const TEST_PEPPER = 'test-pepper-'.padEnd(48, 'x');
export const PEPPER_ENV = { RESET_KIOSK_STORE_PEPPER: TEST_PEPPER };

export type RedisPeer = {
  url: string;
  port: number;
  password: string;
  /** With `tls`: the CA that signed the server's certificate. */ caFile?: string;
  stop(): Promise<void>;
};

/** `tls`: TLS only (no plain port), a certificate for localhost/127.0.0.1 from a throwaway CA (tls-certs.ts). */
export async function startRedis(opts: { tls?: boolean } = {}): Promise<RedisPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-redis-'));
  const port = await freePort();
  const password = `test-${process.pid}-${port}`;
  const certs = opts.tls ? makeCerts() : undefined;
  if (certs) {
    writeFileSync(join(certs.dir, 'server.pem'), certs.cert);
    writeFileSync(join(certs.dir, 'server.key'), certs.key);
  }
  const listen = certs
    ? [
        '--port',
        '0',
        '--tls-port',
        String(port),
        '--tls-cert-file',
        join(certs.dir, 'server.pem'),
        '--tls-key-file',
        join(certs.dir, 'server.key'),
        '--tls-ca-cert-file',
        certs.caFile,
        '--tls-auth-clients',
        'no',
      ]
    : ['--port', String(port)];
  const args = [
    ...listen,
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--requirepass',
    password,
    '--loglevel',
    'warning',
  ];
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${port}: ${output}`)), 10_000);
    child.once('error', (e) =>
      reject(new Error(`cannot run redis-server (apt-get install redis-server): ${e.message}`)),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    const poll = setInterval(() => {
      void canConnect(port).then((up) => {
        if (!up) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      });
    }, 50);
  });
  return {
    url: certs ? `rediss://localhost:${port}` : `redis://127.0.0.1:${port}`,
    port,
    password,
    ...(certs ? { caFile: certs.caFile } : {}),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
      certs?.remove();
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
