// installer.nsh run for real: compiled by makensis into a small installer (nsis/stub.nsi) and started under Wine
// with /S and the setup options, with a fake powershell.exe (nsis/fake-powershell.c) that records its command
// line and exits with a chosen code. Proves the options reach install.ps1, 3010 becomes the installer's exit
// code, and a failed script aborts install and uninstall with a non-zero exit.
// Not covered here: the 32-bit installer's Sysnative branch (this stub is 64-bit, Wine has no WOW64 here).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeWinePrefix, winePrefix } from '../helpers/wine-prefix.js';
import { findNsisTools } from './tools.js';

const here = join(process.cwd(), 'test', 'windows', 'nsis');
let dir = '';
let env: NodeJS.ProcessEnv = {};
let wine = '';
const driveC = () => join(dir, 'prefix', 'drive_c');

beforeAll(() => {
  const tools = findNsisTools();
  wine = tools.wine;
  dir = mkdtempSync(join(tmpdir(), 'rk-nsh-'));
  execFileSync(tools.makensis, [
    '-V2',
    '-WX',
    `-DRK_NSH=${join(process.cwd(), 'resources', 'windows', 'installer.nsh')}`,
    `-DRK_OUT=${join(dir, 'stub.exe')}`,
    join(here, 'stub.nsi'),
  ]);
  execFileSync(tools.gcc, ['-O2', '-o', join(dir, 'powershell.exe'), join(here, 'fake-powershell.c')]);
  // A copy of the run's template prefix, made settled (`wineserver -w` after wineboot: test/helpers/wine-prefix.ts),
  // so the first installer cannot race wineboot's processes.
  env = winePrefix(join(dir, 'prefix'), wine);
  const ps = join(driveC(), 'windows', 'system32', 'WindowsPowerShell', 'v1.0');
  mkdirSync(ps, { recursive: true });
  copyFileSync(join(dir, 'powershell.exe'), join(ps, 'powershell.exe'));
  mkdirSync(join(driveC(), 'fakeps'), { recursive: true });
  copyFileSync(join(dir, 'stub.exe'), join(driveC(), 'stub.exe'));
}, 180_000);

afterAll(() => {
  if (wine && dir) removeWinePrefix(join(dir, 'prefix'), wine); // this prefix's server only
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs one command line through cmd (a .bat keeps its quotes as typed); returns the exit code and the scripts' calls. */
function run(commandLine: string, scriptExit: number): { code: number; calls: string[] } {
  writeFileSync(join(driveC(), 'fakeps', 'exitcode.txt'), String(scriptExit));
  rmSync(join(driveC(), 'fakeps', 'calls.txt'), { force: true });
  writeFileSync(join(driveC(), 'run.bat'), `@${commandLine}\r\n@echo code=%ERRORLEVEL%\r\n`);
  // cmd's own exit status is the last ERRORLEVEL (cut to 8 bits by Linux): the echoed one is the whole code.
  const out = spawnSync(wine, ['cmd', '/c', 'C:\\run.bat'], { env, encoding: 'utf8', timeout: 60_000 }).stdout;
  let calls: string[] = [];
  try {
    calls = readFileSync(join(driveC(), 'fakeps', 'calls.txt'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean);
  } catch {
    /* not called */
  }
  return { code: Number(/code=(\d+)/.exec(out)?.[1]), calls };
}

describe('installer.nsh under Wine', () => {
  const install = (opts: string, exit: number) => run(`C:\\stub.exe /S ${opts} /D=C:\\inst`, exit);

  it('passes the central-mode options to install.ps1 and ends with its 0', () => {
    const r = install('/CENTRALURL="https://reset.zorg.example/wizard" /CAFILE="C:\\Program Files\\ca.pem"', 0);
    expect(r.code).toBe(0);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]).toContain(
      '-ExecutionPolicy Bypass -File "C:\\inst\\resources\\windows\\install.ps1" -AppExe "C:\\inst\\WachtwoordVergeten.exe"',
    );
    expect(r.calls[0]).toContain('-TileDll "C:\\inst\\resources\\logon-tile\\wachtwoord-vergeten-tile.dll"');
    expect(r.calls[0]).toContain('-CentralUrl "https://reset.zorg.example/wizard" -CaFile "C:\\Program Files\\ca.pem"');
    expect(r.calls[0]).not.toMatch(/-LocalMode|-NoAppLocker|-KeyboardFilter/);
  }, 60_000);

  it('passes the local-mode and opt-in switches', () => {
    const r = install('/LOCALMODE /CONFIGFILE="C:\\cfg\\config.json" /KEYBOARDFILTER /NOAPPLOCKER', 0);
    expect(r.code).toBe(0);
    expect(r.calls[0]).toMatch(/-ConfigFile "C:\\cfg\\config.json" -LocalMode -KeyboardFilter -NoAppLocker$/);
    const k = install(
      '/KIOSKCONFIG="C:\\cfg\\kiosk.json" /CAFILE="C:\\cfg\\ca.pem" /LOCALMODE /DIRECTORYPASSWORDFILE="C:\\cfg\\ad.txt"',
      0,
    );
    expect(k.calls[0]).toContain(
      '-CaFile "C:\\cfg\\ca.pem" -KioskConfig "C:\\cfg\\kiosk.json" -DirectoryPasswordFile "C:\\cfg\\ad.txt" -LocalMode',
    );
  }, 60_000);

  it('an unquoted URL is cut at its first "/" (NSIS GetOptions): documented, and install.ps1 refuses "https:"', () => {
    const r = install('/CENTRALURL=https://reset.zorg.example', 0);
    expect(r.calls[0]).toContain('-CentralUrl "https:"');
    expect(readFileSync(join(process.cwd(), 'resources', 'windows', 'installer.nsh'), 'utf8')).toMatch(
      /\/CENTRALURL="https:/,
    );
  }, 60_000);

  it('3010 from install.ps1 is the installer exit code (restart needed)', () => {
    expect(install('/CENTRALURL="https://r.example" /CAFILE="C:\\ca.pem"', 3010).code).toBe(3010);
  }, 60_000);

  it('a failed install.ps1 aborts the installer with a non-zero exit code', () => {
    expect(install('/CENTRALURL="https://r.example" /CAFILE="C:\\ca.pem"', 1).code).toBe(1);
  }, 60_000);

  it('the uninstaller runs uninstall.ps1 and fails when it fails', () => {
    install('/CENTRALURL="https://r.example" /CAFILE="C:\\ca.pem"', 0);
    const ok = run('C:\\inst\\uninstall.exe /S _?=C:\\inst', 0);
    expect(ok.code).toBe(0);
    expect(ok.calls[0]).toContain('-File "C:\\inst\\resources\\windows\\uninstall.ps1" -RemoveTileDll');
    expect(run('C:\\inst\\uninstall.exe /S _?=C:\\inst', 1).code).toBe(1);
    install('/CENTRALURL="https://r.example" /CAFILE="C:\\ca.pem"', 0);
    expect(run('C:\\inst\\uninstall.exe /S _?=C:\\inst', 3010).code).toBe(3010); // the tile DLL goes at the restart
  }, 120_000);
});
