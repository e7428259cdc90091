// A Samba AD DC for the benchmark, started with the project's test/peers/samba/start-dc.sh (stopped by pid
// file), plus the bench users: one AD account per virtual user, each with its own mobile number.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Client } from 'ldapts';
import { repoRoot } from './paths.js';
import type { BenchUser } from './reset-client.js';

const SCRIPT = join(repoRoot(), 'test', 'peers', 'samba', 'start-dc.sh');
const run = promisify(execFile);

export type Dc = {
  dir: string;
  url: string;
  ca: string;
  kioskOu: string;
  bindDn: string;
  bindPassword: string;
  adminDn: string;
  adminPassword: string;
};

export async function startDc(): Promise<Dc> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-bench-dc-'));
  try {
    const { stdout } = await run('bash', [SCRIPT, 'start', dir], { timeout: 240_000 });
    const env: Record<string, string> = Object.fromEntries(
      [...stdout.matchAll(/^(DC_[A-Z_]+)='?([^'\n]*)'?$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    return {
      dir,
      url: env.DC_URL!,
      ca: env.DC_CA!,
      kioskOu: env.DC_KIOSK_OU!,
      bindDn: env.DC_BIND_DN!,
      bindPassword: env.DC_BIND_PASSWORD!,
      adminDn: env.DC_ADMIN_DN!,
      adminPassword: env.DC_ADMIN_PASSWORD!,
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `cannot start the Samba AD DC (test/peers/samba/start-dc.sh): ${(e as { stderr?: string }).stderr?.trim().split('\n').slice(-2).join(' ') ?? String(e)}`,
    );
  }
}

export async function stopDc(dc: Dc): Promise<void> {
  await run('bash', [SCRIPT, 'stop', dc.dir], { timeout: 30_000 }).catch(() => undefined);
  rmSync(dc.dir, { recursive: true, force: true });
}

export const ldapClient = (dc: Dc): Client =>
  new Client({ url: dc.url, tlsOptions: { ca: [readFileSync(dc.ca, 'utf8')] }, timeout: 10_000, connectTimeout: 5000 });

/** Adds `count` users bench.01… under OU=Kiosk (birthdate 1980-01-15, mobile +3161000NNNN). */
export async function addBenchUsers(dc: Dc, count: number): Promise<BenchUser[]> {
  const client = ldapClient(dc);
  const users: BenchUser[] = [];
  try {
    await client.bind(dc.adminDn, dc.adminPassword);
    for (let i = 1; i <= count; i++) {
      const n = String(i).padStart(2, '0');
      const sam = `bench.${n}`;
      const mobile = `+3161000${String(i).padStart(4, '0')}`;
      const attrs: Record<string, string | Buffer> = {
        objectClass: 'user',
        sAMAccountName: sam,
        userPrincipalName: `${sam}@kiosk.test`,
        givenName: 'Proef',
        sn: `Gebruiker${n}`,
        employeeID: '1980-01-15',
        mobile,
        userAccountControl: '512',
        unicodePwd: Buffer.from('"Bench#Start-1x"', 'utf16le'),
      };
      await client.add(
        `CN=Bench ${n},${dc.kioskOu}`,
        Object.entries(attrs).map(([type, v]) => new Attribute({ type, values: [v as string] })),
      );
      users.push({ username: sam, birthdate: '15-01-1980', mobile });
    }
  } finally {
    await client.unbind();
  }
  return users;
}
