// Reads one object's DACL on Windows with `icacls <path> /save <file>`, which writes it as SDDL (UTF-16 LE). Why
// icacls: it ships in System32, AppLocker lets the kiosk account run it (PowerShell, reg.exe, cmd.exe and WMIC are
// denied to that account by install.ps1), and /save gives SIDs instead of the display language's account names.
// What it cannot give is the owner ("SACLs, owner, or integrity labels are not saved", icacls /?): install.ps1
// takes ownership of the settings folder and verifies it; here the DACL of the file and every folder above it is
// checked, so an owner could only be someone who once could write there (see docs/security.md).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extractSddl, parseDacl, type Dacl } from './sddl.js';

type ExecFile = (
  file: string,
  args: string[],
  opts: { windowsHide: boolean; env: NodeJS.ProcessEnv; timeout: number },
  cb: (err: (Error & { code?: unknown }) | null) => void,
) => unknown;

export type IcaclsOptions = {
  /** Absolute path of icacls.exe (paths.system32): never a PATH lookup. */
  icacls: string;
  windowsDir: string;
  /** A folder of this account's own where the dump is written and removed again (the kiosk's userData). */
  scratch: string;
  exec?: ExecFile;
  read?: (p: string) => Promise<Buffer>;
};

export class AclReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AclReadError';
  }
}

/** The DACL of `path`; throws AclReadError when icacls fails or writes nothing this parser understands. */
export async function readDacl(path: string, o: IcaclsOptions): Promise<Dacl> {
  const exec: ExecFile = o.exec ?? execFile;
  await mkdir(o.scratch, { recursive: true });
  const dir = await mkdtemp(join(o.scratch, 'acl-'));
  const out = join(dir, 'dacl.txt');
  try {
    await new Promise<void>((resolve, reject) =>
      exec(
        o.icacls,
        [path, '/save', out, '/Q'],
        { windowsHide: true, env: { SystemRoot: o.windowsDir }, timeout: 15_000 },
        (err) =>
          err
            ? reject(
                new AclReadError(
                  `icacls could not read the ACL of ${path} (${typeof err.code === 'string' || typeof err.code === 'number' ? err.code : err.message})`,
                ),
              )
            : resolve(),
      ),
    );
    let raw: Buffer;
    try {
      raw = await (o.read ?? readFile)(out);
    } catch {
      throw new AclReadError(`icacls wrote no ACL for ${path}`);
    }
    try {
      return parseDacl(extractSddl(raw));
    } catch (e) {
      throw new AclReadError(`the ACL of ${path} cannot be read: ${(e as Error).message}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
