// The logon tile, built and run for real: `npm run build:logon-tile` (CMake + mingw-w64), the shipped DLL's
// PE facts (objdump), then tile-test.exe under Wine walking the DLL the way LogonUI does — the shipped DLL
// (its own folder check, for real: the build folder belongs to the Wine user, so it refuses with WV-6), the
// test-only DLL with the fake system port (the success path and every refusal before a sign-in), and a test-only
// DLL with the real lock-down reads (windows_system.cpp) and only the secret and folder facts faked. All walks
// share one Wine prefix (this file's copy of the run's template, test/helpers/wine-prefix.ts). A missing tool fails the test with its install command: never a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeWinePrefix, winePrefix } from '../helpers/wine-prefix.js';

const root = process.cwd();
const shipped = join(root, 'dist', 'logon-tile', 'wachtwoord-vergeten-tile.dll');
const WINE = '/usr/lib/wine/wine64';
const OBJDUMP = 'x86_64-w64-mingw32-objdump';
const SYSTEM_DLLS = [
  'advapi32.dll',
  'kernel32.dll',
  'msvcrt.dll',
  'netapi32.dll',
  'ole32.dll',
  'secur32.dll',
  'user32.dll',
];
const fakePassword = /kPassword\[\] = L"([^"]+)"/.exec(
  readFileSync(join(root, 'test/logon-tile/fake_values.h'), 'utf8'),
)![1]!;

let work = '';
let prefixEnv: NodeJS.ProcessEnv = {};
const env = () => ({ ...prefixEnv, WINEDEBUG: '-all,warn+seh', DISPLAY: '', WAYLAND_DISPLAY: '' });
const winePath = (path: string) => `Z:${path.replaceAll('/', '\\')}`;

function run(command: string, args: string[], timeout: number, extraEnv?: NodeJS.ProcessEnv) {
  const r = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    timeout,
    env: extraEnv ?? process.env,
    maxBuffer: 16 << 20,
  });
  if (r.error) throw new Error(`${command}: ${r.error.message}`);
  return r;
}

function requireTool(command: string, install: string) {
  if (!existsSync(command) && spawnSync(command, ['--version'], { stdio: 'ignore' }).error)
    throw new Error(`${command} not found. Install it and run the tests again:\n  sudo apt-get install -y ${install}`);
}

interface Walk {
  status: number | null;
  checks: Map<string, boolean>;
  stdout: string;
  stderr: string;
}
function walk(dll: string, mode: 'real' | 'fake' | 'lockdown'): Walk {
  const r = run(WINE, [winePath(join(work, 'build', 'tile-test.exe')), winePath(dll), mode], 240_000, env());
  const checks = new Map<string, boolean>();
  for (const line of r.stdout.split(/\r?\n/)) {
    const m = /^(ok|FAIL) - (.+)$/.exec(line);
    if (m) checks.set(m[2]!, m[1] === 'ok');
  }
  return { status: r.status, checks, stdout: r.stdout, stderr: r.stderr };
}

let real: Walk;
let fake: Walk;
let lockdown: Walk;

beforeAll(() => {
  requireTool('cmake', 'cmake');
  requireTool('x86_64-w64-mingw32-g++-posix', 'g++-mingw-w64-x86-64-posix');
  requireTool(WINE, 'wine64');
  work = mkdtempSync(join(tmpdir(), 'logon-tile-'));
  // One compile: the npm script with --tests installs the shipped DLL into dist/logon-tile and keeps the test-only
  // DLLs and tile-test.exe in the build folder.
  const build = run('npm', ['run', '--silent', 'build:logon-tile', '--', '--tests', join(work, 'build')], 600_000);
  expect(build.status, `npm run build:logon-tile -- --tests\n${build.stdout}\n${build.stderr}`).toBe(0);
  prefixEnv = winePrefix(join(work, 'prefix'), WINE); // a copy of the run's template prefix (test/helpers)
  real = walk(shipped, 'real');
  fake = walk(join(work, 'build', 'tile-fake-secret.dll'), 'fake');
  lockdown = walk(join(work, 'build', 'tile-real-lockdown.dll'), 'lockdown');
}, 1_200_000);

afterAll(() => {
  if (!work) return;
  removeWinePrefix(join(work, 'prefix'), WINE);
  rmSync(work, { recursive: true, force: true });
});

describe('npm run build:logon-tile', () => {
  it('produces a PE32+ x86-64 DLL exporting exactly DllGetClassObject and DllCanUnloadNow', () => {
    expect(run(OBJDUMP, ['-f', shipped], 30_000).stdout).toMatch(
      /file format pei-x86-64[\s\S]*architecture: i386:x86-64/,
    );
    const headers = run(OBJDUMP, ['-p', shipped], 30_000).stdout;
    expect(headers).toMatch(/^Magic\s+020b\s+\(PE32\+\)/m);
    expect(headers).toMatch(/^Characteristics\s+0x[0-9a-f]+\n(?:\s+.+\n)*?\s+DLL\n/m);
    const exports = [...headers.matchAll(/^\s+\[\s*\d+\] (\w+)$/gm)].map((m) => m[1]).sort();
    expect(exports).toEqual(['DllCanUnloadNow', 'DllGetClassObject']);
    // ASLR (64-bit), DEP: 0x20 HIGH_ENTROPY_VA | 0x40 DYNAMIC_BASE | 0x100 NX_COMPAT.
    expect(Number.parseInt(/^DllCharacteristics\s+([0-9a-f]+)/m.exec(headers)![1]!, 16) & 0x160).toBe(0x160);
  });

  it('imports only Windows system DLLs (runtime linked in), and the LSA, SAM and ACL calls it needs', () => {
    const headers = run(OBJDUMP, ['-p', shipped], 30_000).stdout;
    const imports = [...headers.matchAll(/DLL Name: (\S+)/g)].map((m) => m[1]!.toLowerCase()).sort();
    expect(imports).toEqual(SYSTEM_DLLS);
    for (const fn of [
      'LsaOpenPolicy',
      'LsaRetrievePrivateData',
      'LsaFreeMemory',
      'LsaConnectUntrusted',
      'LsaLookupAuthenticationPackage',
      'CredProtectW',
      'NetUserGetInfo',
      'NetUserSetInfo',
      'GetNamedSecurityInfoW',
      'GetProductInfo',
      'QueryServiceStatus',
    ])
      expect(headers, fn).toMatch(new RegExp(`\\s${fn}\\n`));
  });

  it('the shipped DLL has no fake secret source (the test-only DLL does)', () => {
    const utf16 = Buffer.from(fakePassword, 'utf16le');
    expect(readFileSync(shipped).includes(utf16)).toBe(false);
    expect(readFileSync(join(work, 'build', 'tile-fake-secret.dll')).includes(utf16)).toBe(true); // the search works
    expect(readFileSync(join(work, 'build', 'tile-real-lockdown.dll')).includes(utf16)).toBe(true);
    for (const testOnly of ['tile-fake-secret.dll', 'tile-real-lockdown.dll'])
      expect(existsSync(join(root, 'dist', 'logon-tile', testOnly))).toBe(false);
  });

  it('stays small', () => {
    const bytes = statSync(shipped).size;
    console.log(`wachtwoord-vergeten-tile.dll: ${bytes} bytes`);
    expect(bytes).toBeLessThan(256 * 1024); // 110 KB today: 66 KB of it the 256x256 tile image
  });
});

const common = [
  'DllGetClassObject refuses another CLSID',
  'LockServer(TRUE) keeps the DLL loaded',
  'CreateInstance refuses aggregation',
  'CPUS_LOGON is offered, with one tile',
  'CPUS_UNLOCK_WORKSTATION is refused with E_NOTIMPL and enumerates no tile',
  'CPUS_CHANGE_PASSWORD is refused with E_NOTIMPL and enumerates no tile',
  'CPUS_CREDUI is refused with E_NOTIMPL and enumerates no tile',
  'kill switch Disabled=1 hides the tile',
  'a credential outliving its provider keeps the DLL loaded',
  '4 field descriptors',
  'default large text: Wachtwoord vergeten',
  'small text from TileSubtitle',
  'the tile image is the app icon (blue, white keyhole)',
  'set up: selecting the tile does not sign in (SetSelected: no auto-logon)',
  'the submit button sits next to the small text',
  'not set up (Ready=0): nothing is serialized',
  'not set up (KioskSid not a SID): GetSerialization answers with the status text',
  'not set up (KioskAccount missing): GetSerialization answers with the status text',
  'ReportResult(account locked out): its status text',
  'ReportResult(account disabled): its status text',
  'after a failed logon: no automatic attempt',
  'every refusal has its own status text (9)',
  "Registry.pol: the Shell value is read from registry-pol.ps1's format",
  'DllCanUnloadNow is S_OK at the end (no object leaked)',
];

describe('under Wine, walked as LogonUI does', () => {
  it('the shipped DLL: life cycle, scenarios, kill switch, fields; in a user-owned folder → WV-6, nothing serialized', () => {
    expect(
      [...real.checks].filter(([, ok]) => !ok).map(([name]) => name),
      real.stdout,
    ).toEqual([]);
    expect(real.status, real.stdout + real.stderr).toBe(0);
    for (const name of [
      ...common,
      'user-owned DLL folder: the tile shows WV-6 at once',
      'user-owned DLL folder: nothing is serialized',
      'user-owned DLL folder: GetSerialization answers with WV-6',
      'user-owned DLL folder: selecting the tile does not sign in',
    ])
      expect(real.checks.get(name), name).toBe(true);
    // The refusal came from the real ACL read (GetNamedSecurityInfoW: a non-admin owner), and the secret was never read.
    expect(real.stderr).toContain('WachtwoordVergetenTile: refused WV-6: DLL folder: 0x80070005');
    expect(real.stderr).not.toContain('LsaRetrievePrivateData');
  });

  it('the test-only DLL (fake system port): the packed KERB_INTERACTIVE_UNLOCK_LOGON holds computer, account, password', () => {
    expect(
      [...fake.checks].filter(([, ok]) => !ok).map(([name]) => name),
      fake.stdout,
    ).toEqual([]);
    expect(fake.status, fake.stdout + fake.stderr).toBe(0);
    for (const name of [
      ...common,
      'fake secret: a credential is returned',
      'the Negotiate package id from LsaLookupAuthenticationPackage',
      'strings packed in order right after the header, as offsets from the block start, block size exact',
      'domain is the computer name (local account)',
      'user is KioskAccount',
      'password is the secret as protectPassword returned it',
      'a secret shorter than 32 characters is refused: status text, nothing serialized',
      'fake secret: selecting the tile does not sign in',
    ])
      expect(fake.checks.get(name), name).toBe(true);
  });

  it('the test-only DLL: every lock-down check, the account state and the DLL folder refuse with their own text; a lock-out is cleared', () => {
    const refusals = [...fake.checks.keys()].filter((name) => name.startsWith('refused ('));
    expect(refusals.length, fake.stdout).toBe(10);
    for (const name of [
      ...refusals,
      'signs in (policy mode on Pro (no Shell Launcher needed))',
      'signs in (no AppLocker installed: AppIDSvc may be stopped)',
      'a locked-out kiosk account is unlocked (UF_LOCKOUT cleared), then signed in',
      'WV-6 (its own folder not admin-only): nothing serialized',
      'WV-6 (the volume root above it not admin-only): nothing serialized',
      'volume root: Authenticated Users may create folders in C:\\ (as Windows ships it), not in a folder on the path',
    ])
      expect(fake.checks.get(name), name).toBe(true);
    expect(fake.stderr).toContain('WachtwoordVergetenTile: lock-out of the kiosk account cleared');
  });

  it("the real lock-down reads (windows_system.cpp): Wine's edition, registry, a Registry.pol file, services and SAM decide", () => {
    expect(
      [...lockdown.checks].filter(([, ok]) => !ok).map(([name]) => name),
      lockdown.stdout,
    ).toEqual([]);
    expect(lockdown.status, lockdown.stdout + lockdown.stderr).toBe(0);
    expect(
      [...lockdown.checks.keys()].filter((name) => name.startsWith('real lock-down reads')).length,
      lockdown.stdout,
    ).toBe(8);
    for (const code of ['WV-3: local policy off', 'WV-4: policy Shell', 'WV-5: AppIDSvc'])
      expect(lockdown.stderr).toContain(`WachtwoordVergetenTile: refused ${code}`);
    expect(lockdown.stderr).toContain('WachtwoordVergetenTile: refused: not set up: 0x800708AD'); // NERR_UserNotFound from NetUserGetInfo
  });
});
