// The kiosk refuses settings, config and CA files the kiosk account could change: the whole path is checked (file,
// folder, every folder above, and the real path behind a junction), on Windows from icacls dumps, on Linux with
// real files, owners and modes (as root it hands files to another uid; otherwise its own files are the foreign ones).
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../../src-main/core/ports/log.js';
import {
  enforcesTrust,
  hostTrustDeps,
  trustCheck,
  TrustError,
  trustProblems,
  type TrustDeps,
} from '../../../../src-main/electron/trust/file-trust.js';
import { modeProblems } from '../../../../src-main/electron/trust/posix-trust.js';
import { extractSddl, parseDacl, type Dacl } from '../../../../src-main/electron/trust/sddl.js';
import { DERIVED, RECORDED, utf16 } from '../../../helpers/icacls-dumps.js';

const SETTINGS = 'C:\\ProgramData\\Wachtwoord vergeten\\kiosk.json';
const installed: Record<string, string> = {
  'C:\\': RECORDED.driveC,
  'C:\\ProgramData': RECORDED.programData,
  'C:\\ProgramData\\Wachtwoord vergeten': DERIVED.installedFolder,
  [SETTINGS]: DERIVED.installedFile,
};

function windows(dumps: Record<string, string>, links: Record<string, string> = {}): TrustDeps & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    platform: 'win32',
    exists: (p) => Promise.resolve(p in dumps),
    realpath: (p) => Promise.resolve(links[p] ?? p),
    windowsDacl: (p): Promise<Dacl> => {
      read.push(p);
      if (!(p in dumps)) return Promise.reject(new Error('icacls could not read the ACL (5)'));
      return Promise.resolve(parseDacl(extractSddl(utf16(dumps[p]!))));
    },
    posixStat: () => Promise.resolve().then(() => expect.unreachable()), // a rejection, as from the real async call
    trustedUids: [0],
  };
}

describe('file trust on Windows (icacls dumps)', () => {
  it('passes the installed layout, checking the file, its folder and every folder up to C:\\', async () => {
    const d = windows(installed);
    expect(await trustProblems(SETTINGS, d, true)).toEqual([]);
    expect(d.read.sort()).toEqual(Object.keys(installed).sort());
  });

  it('refuses a planted folder and file, naming the object and who may write it', async () => {
    const planted = {
      ...installed,
      'C:\\ProgramData\\Wachtwoord vergeten': DERIVED.plantedFolder,
      [SETTINGS]: DERIVED.plantedFile,
    };
    const problems = await trustProblems(SETTINGS, windows(planted), true);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^C:\\ProgramData\\Wachtwoord vergeten\\kiosk.json: account or group S-1-5-21-.*-1005 may write data/,
    );
    expect(problems.join('\n')).toMatch(/Wachtwoord vergeten: Users may write data \/ add files/);
  });

  it('an installed kiosk needs the file; a development one checks who could create it', async () => {
    const noFile = { ...installed };
    delete noFile[SETTINGS];
    expect(await trustProblems(SETTINGS, windows(noFile), true)).toEqual([`${SETTINGS} does not exist`]);
    expect(await trustProblems(SETTINGS, windows(noFile), false)).toEqual([]);
    const noFolder = { 'C:\\': RECORDED.driveC, 'C:\\ProgramData': RECORDED.programData };
    // The nearest folder that exists is where someone would plant it: ProgramData lets Users do that.
    expect(await trustProblems(SETTINGS, windows(noFolder), false)).toEqual([
      'C:\\ProgramData: Users may write data / add files, append data / add folders, write extended attributes, write attributes',
    ]);
  });

  it('follows a junction: the real folder behind it is checked too', async () => {
    const target = 'C:\\Users\\kiosk\\AppData\\x\\kiosk.json';
    const dumps = {
      ...installed,
      [target]: DERIVED.plantedFile,
      'C:\\Users\\kiosk\\AppData\\x': DERIVED.plantedFolder,
      'C:\\Users\\kiosk\\AppData': RECORDED.programFilesApp,
      'C:\\Users\\kiosk': RECORDED.programFilesApp,
      'C:\\Users': RECORDED.programFilesApp,
    };
    const problems = await trustProblems(SETTINGS, windows(dumps, { [SETTINGS]: target }), true);
    expect(problems.some((p) => p.startsWith(`${target}:`))).toBe(true);
  });

  it('an ACL that cannot be read is a refusal, not a pass', async () => {
    const partial = { ...installed };
    delete partial['C:\\ProgramData'];
    const d = { ...windows(partial), exists: () => Promise.resolve(true) };
    expect(await trustProblems(SETTINGS, d, true)).toEqual(['C:\\ProgramData: icacls could not read the ACL (5)']);
  });
});

describe('file trust on Linux (real files)', () => {
  const root = mkdtempSync(join(tmpdir(), 'rk-trust-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const me = process.getuid!();
  const host = (isPackaged: boolean) => hostTrustDeps({ platform: 'linux', isPackaged, env: {} }, root, me);
  /** A file someone other than root owns: handed to uid 4242 when this runs as root, else our own. */
  const foreign = (file: string) => (me === 0 ? (chownSync(file, 4242, 4242), 4242) : me);

  it('mode and owner decisions', () => {
    expect(modeProblems({ uid: 0, mode: 0o100644, isDirectory: false }, [0])).toEqual([]);
    expect(modeProblems({ uid: 0, mode: 0o100664, isDirectory: false }, [0])).toEqual([
      'writable by group (mode 0664)',
    ]);
    expect(modeProblems({ uid: 0, mode: 0o100606, isDirectory: false }, [0])).toEqual([
      'writable by others (mode 0606)',
    ]);
    expect(modeProblems({ uid: 0, mode: 0o41777, isDirectory: true }, [0])).toEqual([]); // /tmp: sticky
    expect(modeProblems({ uid: 0, mode: 0o40777, isDirectory: true }, [0])).toEqual([
      'writable by group and others (mode 0777)',
    ]);
    expect(modeProblems({ uid: 1000, mode: 0o100600, isDirectory: false }, [0])).toEqual([
      'owned by uid 1000 (only root may own it)',
    ]);
    expect(modeProblems({ uid: 1000, mode: 0o100600, isDirectory: false }, [0, 4242])).toEqual([
      'owned by uid 1000 (only root or uid 4242 may own it)',
    ]);
  });

  it('installed: a root-owned file under root-owned folders passes (/etc/passwd), one of another owner does not', async () => {
    expect(await trustProblems('/etc/passwd', host(true), true)).toEqual([]);
    const file = join(root, 'kiosk.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    const owner = foreign(file);
    expect(await trustProblems(file, host(true), true)).toContain(
      `${file}: owned by uid ${owner} (only root may own it)`,
    );
    rmSync(file);
  });

  it('unpackaged: the running user may own it, but group/other write anywhere on the path refuses', async () => {
    const dir = join(root, 'settings');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(root, 0o755);
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    expect(await trustProblems(file, host(false), true)).toEqual([]);
    chmodSync(file, 0o666);
    expect(await trustProblems(file, host(false), true)).toEqual([`${file}: writable by group and others (mode 0666)`]);
    chmodSync(file, 0o644);
    chmodSync(dir, 0o775);
    expect(await trustProblems(file, host(false), true)).toEqual([`${dir}: writable by group (mode 0775)`]);
    chmodSync(dir, 0o755);
  });

  it('a symlink is judged by the file it points to', async () => {
    const theirs = join(root, 'theirs.json');
    writeFileSync(theirs, '{}', { mode: 0o644 });
    const owner = foreign(theirs);
    const link = join(root, 'linked.json');
    symlinkSync(theirs, link);
    const problems = await trustProblems(link, host(true), true);
    expect(problems).toContain(`${theirs}: owned by uid ${owner} (only root may own it)`);
    expect(problems).toContain(`${link}: owned by uid ${owner} (only root may own it)`); // stat() follows the link
  });
});

describe('the check at start-up', () => {
  const warn = vi.fn();
  const log = { warn, info: vi.fn(), error: vi.fn() } as unknown as Logger;
  const planted = { ...installed, [SETTINGS]: DERIVED.plantedFile };

  it('enforced: throws TrustError naming the file, who may write it and the fix', async () => {
    const check = trustCheck(windows(planted), true, log);
    await expect(check(SETTINGS, 'the kiosk settings', true)).rejects.toThrow(TrustError);
    await expect(check(SETTINGS, 'the kiosk settings', true)).rejects.toThrow(
      /^the kiosk settings refused, the kiosk account could change it: C:\\ProgramData.*run the installer again/,
    );
    await expect(check(SETTINGS, 'the kiosk settings', true).catch((e: Error) => e.name)).resolves.toBe('TrustError');
    await expect(
      trustCheck(windows(installed), true, log)(SETTINGS, 'the kiosk settings', true),
    ).resolves.toBeUndefined();
  });

  it('not enforced (an unpackaged kiosk on Windows): a warning, and it starts', async () => {
    expect([
      enforcesTrust({ platform: 'win32', isPackaged: false }),
      enforcesTrust({ platform: 'win32', isPackaged: true }),
      enforcesTrust({ platform: 'linux', isPackaged: false }),
    ]).toEqual([false, true, true]);
    await expect(trustCheck(windows(planted), false, log)(SETTINGS, 'the kiosk settings')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ what: 'the kiosk settings' }),
      expect.stringMatching(/would be refused/),
    );
  });
});
