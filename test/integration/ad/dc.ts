// A throwaway Samba AD DC for one test file: started in a fresh temp dir by test/peers/samba/start-dc.sh on
// its own loopback address (so files run in parallel), stopped and removed after the file.
// Skips LOUDLY only when samba cannot be installed; with RESET_KIOSK_REQUIRE_SAMBA=1 (CI) it fails instead.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../peers/samba/start-dc.sh', import.meta.url));
const CANNOT_INSTALL = 3; // start-dc.sh: samba missing and apt-get failed

export interface Dc {
  dir: string;
  pid: number;
  ip: string;
  /** ldaps://IP:636 */
  url: string;
  /** ldap://IP:389 (StartTLS) */
  urlStartTls: string;
  ca: string;
  /** An unrelated CA: the DC's certificate must be refused with it. */
  wrongCa: string;
  baseDn: string;
  kioskOu: string;
  bindDn: string;
  bindPassword: string;
  adminDn: string;
  adminPassword: string;
}

/** Starts a DC for the calling test file and registers its stop; undefined (after a loud warning) = skip. */
export async function useDc(): Promise<Dc | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'reset-kiosk-dc-'));
  let env: Record<string, string>;
  try {
    const { stdout } = await promisify(execFile)('bash', [SCRIPT, 'start', dir], { timeout: 180_000 });
    env = parseEnv(stdout);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const e = err as { code?: unknown; stderr?: string };
    if (e.code === CANNOT_INSTALL && process.env['RESET_KIOSK_REQUIRE_SAMBA'] !== '1') {
      console.error(
        `\n${'!'.repeat(78)}\n!! SKIPPING AD INTEGRATION TESTS: Samba AD DC cannot be installed here.\n` +
          `!! Install: apt-get install samba samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind ldb-tools ldap-utils\n` +
          `!! ${e.stderr?.trim().split('\n').slice(-3).join('\n!! ') ?? ''}\n${'!'.repeat(78)}\n`,
      );
      return undefined;
    }
    throw new Error(`start-dc.sh failed: ${e.stderr ?? String(err)}`);
  }
  const dc: Dc = {
    dir,
    pid: Number(env['DC_PID']),
    ip: env['DC_IP']!,
    url: env['DC_URL']!,
    urlStartTls: env['DC_URL_STARTTLS']!,
    ca: env['DC_CA']!,
    wrongCa: env['DC_WRONG_CA']!,
    baseDn: env['DC_BASE_DN']!,
    kioskOu: env['DC_KIOSK_OU']!,
    bindDn: env['DC_BIND_DN']!,
    bindPassword: env['DC_BIND_PASSWORD']!,
    adminDn: env['DC_ADMIN_DN']!,
    adminPassword: env['DC_ADMIN_PASSWORD']!,
  };
  const stop = () => stopDc(dc);
  process.once('exit', stop); // safety net if the worker dies before afterAll
  afterAll(() => {
    process.removeListener('exit', stop);
    stop();
  });
  return dc;
}

/** Stops the DC (by its pid file, never by name) and removes its directory. Safe to call twice. */
export function stopDc(dc: Dc): void {
  try {
    execFileSync('bash', [SCRIPT, 'stop', dc.dir], { stdio: 'ignore', timeout: 30_000 });
  } finally {
    rmSync(dc.dir, { recursive: true, force: true });
  }
}

/**
 * Restarts the DC's samba on the same address and data, as a DC reboot would: every open connection to it
 * closes. Under start-dc.sh's own lock (`-o`: samba must not inherit it), so no other test file's DC takes
 * the address while it is free. The server certificate and CA stay as they were.
 */
export async function restartDc(dc: Dc): Promise<void> {
  const lock = join(process.env['TMPDIR'] ?? '/tmp', 'reset-kiosk-samba.lock');
  const restart = `set -eu
    bash "$1" stop "$2" >/dev/null 2>&1
    samba -s "$2/etc/smb.conf" -D
    for _ in $(seq 1 150); do
      LDAPTLS_CACERT="$2/tls/ca.pem" ldapsearch -x -o nettimeout=2 -H "$3" -D "$4" -w "$5" -b "$6" -s base dn >/dev/null 2>&1 && exit 0
      sleep 0.1
    done
    echo "DC not ready after restart" >&2; exit 1`;
  await promisify(execFile)(
    'flock',
    [
      '-o',
      '-w',
      '120',
      lock,
      'bash',
      '-c',
      restart,
      'restart-dc',
      SCRIPT,
      dc.dir,
      dc.url,
      dc.bindDn,
      dc.bindPassword,
      dc.kioskOu,
    ],
    { timeout: 180_000 },
  );
  dc.pid = Number(readFileSync(join(dc.dir, 'run', 'samba.pid'), 'utf8').trim());
}

/** Pauses the DC (SIGSTOP on its process group): it still accepts TCP but never answers. */
export function freezeDc(dc: Dc, frozen: boolean): void {
  process.kill(-dc.pid, frozen ? 'SIGSTOP' : 'SIGCONT');
}

export const readCa = (path: string): string => readFileSync(path, 'utf8');

function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^(DC_[A-Z_]+)=(?:'(.*)'|(\S*))$/.exec(line.trim());
    if (m) env[m[1]!] = m[2] ?? m[3] ?? '';
  }
  return env;
}
