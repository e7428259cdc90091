// The kiosk starts only with settings, config and CA files that nobody but the administrators (root) can change:
// a file the kiosk account could write is one escape away from an attacker's kiosk.json (issue 13). Checked: the
// file, its folder and every folder above it, on the path as given and on the real path behind any link or
// junction. Decisions are pure (acl-trust.ts on Windows, posix-trust.ts elsewhere); this module walks the path.
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import type { Logger } from '../../core/ports/log.js';
import { aclProblems, type AclRole } from './acl-trust.js';
import { readDacl } from './icacls.js';
import { system32, windowsDir, type HostFacts } from '../start/paths.js';
import { modeProblems, type PosixStat } from './posix-trust.js';
import type { Dacl } from './sddl.js';

export type TrustDeps = {
  platform: NodeJS.Platform;
  exists(p: string): Promise<boolean>;
  realpath(p: string): Promise<string>;
  windowsDacl(p: string): Promise<Dacl>;
  posixStat(p: string): Promise<PosixStat>;
  /** POSIX owners that count as the administrator: root, plus the running user when unpackaged. */
  trustedUids: readonly number[];
};

export class TrustError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustError';
  }
}

const RANK: Record<AclRole, number> = { file: 0, folder: 1, ancestor: 2 };

/** [path, role] from `start` up to the root: start is `first`, its parent 'folder', the rest 'ancestor'. */
function chain(P: typeof posix, start: string, first: AclRole): [string, AclRole][] {
  const out: [string, AclRole][] = [[start, first]];
  for (let p = start, up = P.dirname(p); up !== p; p = up, up = P.dirname(up))
    out.push([up, out.length === 1 && first === 'file' ? 'folder' : 'ancestor']);
  return out;
}

/** Why `file` cannot be trusted, one line per object; [] when it can. */
export async function trustProblems(file: string, d: TrustDeps, mustExist: boolean): Promise<string[]> {
  const P = d.platform === 'win32' ? win32 : posix;
  const abs = P.resolve(file);
  let start = abs;
  let role: AclRole = 'file';
  if (!(await d.exists(abs))) {
    if (mustExist) return [`${abs} does not exist`];
    // Missing (a development kiosk without settings): whoever may create it in the nearest folder could plant it.
    while (!(await d.exists(start)) && P.dirname(start) !== start) start = P.dirname(start);
    role = 'folder';
  }
  const real = await d.realpath(start);
  const key = (p: string) => (d.platform === 'win32' ? p.toLowerCase() : p);
  const entries = new Map<string, [string, AclRole]>();
  for (const [p, r] of [...chain(P, start, role), ...(real === start ? [] : chain(P, real, role))]) {
    const had = entries.get(key(p));
    if (!had || RANK[r] < RANK[had[1]]) entries.set(key(p), [p, r]);
  }
  const lines = await Promise.all(
    [...entries.values()].map(async ([p, r]): Promise<string[]> => {
      try {
        if (d.platform === 'win32')
          return aclProblems(await d.windowsDacl(p), r).map((x) => `${p}: ${x.who} may ${x.rights.join(', ')}`);
        return modeProblems(await d.posixStat(p), d.trustedUids).map((x) => `${p}: ${x}`);
      } catch (e) {
        return [`${p}: ${(e as Error).message}`];
      }
    }),
  );
  return lines.flat();
}

export type TrustCheck = (file: string, what: string, mustExist?: boolean) => Promise<void>;

const FIX = {
  win32:
    'only SYSTEM, Administrators and TrustedInstaller may change it and the folders above it: run the installer again (it takes the folder over)',
  posix:
    'make it and every folder above it owned by root and not writable by group or others (chown root:root, chmod go-w)',
};

/** Everywhere but an unpackaged kiosk on Windows, where the developer owns the checkout and icacls cannot say so. */
export const enforcesTrust = (h: Pick<HostFacts, 'platform' | 'isPackaged'>): boolean =>
  h.isPackaged || h.platform !== 'win32';

/** Throws TrustError (enforce) or logs a warning (an unpackaged kiosk on Windows, whose checkout the developer owns). */
export function trustCheck(d: TrustDeps, enforce: boolean, log: Logger): TrustCheck {
  return async (file, what, mustExist = false) => {
    const problems = await trustProblems(file, d, mustExist);
    if (!problems.length) return;
    const message = `${what} refused, the kiosk account could change it: ${problems.join('; ')} (${d.platform === 'win32' ? FIX.win32 : FIX.posix})`;
    if (enforce) throw new TrustError(message);
    log.warn({ what, problems }, 'development kiosk: these files would be refused by an installed kiosk');
  };
}

/** The real dependencies: icacls by absolute path on Windows, stat() elsewhere. */
export function hostTrustDeps(h: HostFacts, scratch: string, uid: number | undefined): TrustDeps {
  return {
    platform: h.platform,
    exists: (p) =>
      access(p, constants.F_OK).then(
        () => true,
        () => false,
      ),
    realpath: (p) => realpath(p),
    windowsDacl: (p) => readDacl(p, { icacls: system32(h, 'icacls.exe'), windowsDir: windowsDir(h), scratch }),
    posixStat: async (p) => {
      const s = await stat(p);
      return { uid: s.uid, mode: s.mode, isDirectory: s.isDirectory() };
    },
    trustedUids: [0, ...(!h.isPackaged && uid !== undefined && uid !== 0 ? [uid] : [])],
  };
}
