// Local mode, installed on Windows: the AD service account's password as install.ps1 keeps it
// (resources/windows/directory-secret.ps1): DPAPI machine scope in the settings folder (directory-password.bin, only
// the kiosk account may read it, besides SYSTEM and Administrators), re-protected at every install run. Unlike
// safeStorage (DPAPI user scope) it survives every change of the kiosk account's password: a repair, an update,
// the tile's rotation at logoff. Node has no DPAPI binding: read-machine-secret.exe (src-machine-secret/) makes the
// one CryptUnprotectData call, the blob on its stdin, the password on its stdout; never an argument or a log line.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SecretError } from './secret.js';

/** The protected blob in, the plain bytes out (the caller zeroes them). */
export type MachineUnprotect = (sealed: Buffer) => Promise<Buffer>;

export const MACHINE_SECRET_FILE = 'directory-password.bin';
export const MACHINE_SECRET_READER = 'read-machine-secret.exe';

/** The password, or undefined when install.ps1 stored none (then the kiosk falls back to safeStorage). */
export async function loadMachineSecret(file: string, unprotect: MachineUnprotect): Promise<string | undefined> {
  const sealed = await readFile(file).then(
    (b) => b,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw new SecretError(`${file} cannot be read by this account (${e.code ?? 'error'}): run install.ps1 again`);
    },
  );
  if (!sealed) return undefined;
  let plain: Buffer;
  try {
    plain = await unprotect(sealed);
  } catch {
    throw new SecretError(
      `${file} cannot be decrypted on this PC: give the AD password again (install.ps1 -DirectoryPasswordFile)`,
    );
  }
  const secret = plain.toString('utf8');
  plain.fill(0);
  if (!secret) throw new SecretError(`${file} holds an empty password`);
  return secret;
}

/** read-machine-secret.exe (or, in tests, wine with its path) as a MachineUnprotect: exit 0 and the bytes, or a
 * rejection that names only the exit code. */
export function unprotectWith(
  command: string,
  args: string[] = [],
  env?: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): MachineUnprotect {
  return (sealed) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
        timeout: timeoutMs,
        ...(env ? { env } : {}),
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', (code) => {
        const out = Buffer.concat(chunks);
        for (const c of chunks) c.fill(0);
        if (code === 0) resolve(out);
        else {
          out.fill(0);
          reject(new Error(`${MACHINE_SECRET_READER} exited with ${String(code)}`));
        }
      });
      child.stdin.end(sealed);
    });
}

/** Where an installed Windows kiosk finds install.ps1's copy and its reader; elsewhere there is none. */
export function installedMachineSecret(
  host: { isPackaged: boolean; platform: NodeJS.Platform; resourcesPath: string },
  settingsDir: string,
): { machineSecret?: { file: string; unprotect: MachineUnprotect } } {
  if (!host.isPackaged || host.platform !== 'win32') return {};
  const reader = join(host.resourcesPath, 'machine-secret', MACHINE_SECRET_READER);
  return { machineSecret: { file: join(settingsDir, MACHINE_SECRET_FILE), unprotect: unprotectWith(reader) } };
}
