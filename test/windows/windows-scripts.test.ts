// resources/windows under real PowerShell 7: the parser and 5.1-syntax check, the Registry.pol writer and the
// pieces (test/windows/*.tests.ps1, harness/). Plus what ties the scripts to the rest of the project, checked from
// here. The long end-to-end files on the fake machine (install/uninstall, fail-closed, kiosk settings and hardening,
// logon screen) each have their own vitest file next to this one, so they run side by side in the pool.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretFiles } from '../../src-main/electron/start/paths.js';
import { MACHINE_SECRET_FILE, MACHINE_SECRET_READER } from '../../src-main/electron/local/machine-secret.js';
import { findPwsh, runPwsh } from './tools.js';

const root = process.cwd();
const script = (f: string) => readFileSync(join(root, 'resources', 'windows', f), 'utf8');

describe('Windows setup scripts under PowerShell 7', () => {
  it('pwsh is there (or the test says how to install it)', () => {
    expect(findPwsh()).toMatch(/pwsh$/);
  });
  it(
    'every .ps1 parses with 0 errors and uses Windows PowerShell 5.1 syntax only',
    () => runPwsh('syntax.tests.ps1'),
    120_000,
  );
  it(
    'Registry.pol writer: byte-exact against the documented format, reader refuses malformed files',
    () => runPwsh('registry-pol.tests.ps1'),
    120_000,
  );
  it(
    'pieces: LSA class (C# 5, same seam as the fake), password and name generators, hive unload retry',
    () => runPwsh('units.tests.ps1'),
    180_000,
  );
});

describe('what ties the scripts to the project', () => {
  it('installer.nsh runs both scripts from the install folder, with parameters install.ps1 declares', () => {
    const nsh = script('installer.nsh');
    expect(nsh).toContain('"$INSTDIR\\resources\\windows\\install.ps1"');
    expect(nsh).toContain('"$INSTDIR\\resources\\windows\\uninstall.ps1"');
    const declared = new Set([...script('install.ps1').matchAll(/\[(?:switch|string)\] \$(\w+)/g)].map((m) => m[1]!));
    const passed = [...nsh.matchAll(/[\s'"]-([A-Z]\w+)/g)]
      .map((m) => m[1]!)
      .filter((p) => !['NoProfile', 'NonInteractive', 'ExecutionPolicy', 'File'].includes(p));
    expect(new Set(passed)).toEqual(
      new Set([
        'AppExe',
        'TileDll',
        'CentralUrl',
        'CaFile',
        'KioskConfig',
        'ConfigFile',
        'DirectoryPasswordFile',
        'LocalMode',
        'KeyboardFilter',
        'NoAppLocker',
        'RemoveTileDll',
      ]),
    );
    const declaredUninstall = new Set([...script('uninstall.ps1').matchAll(/\[switch\] \$(\w+)/g)].map((m) => m[1]!));
    for (const p of passed) expect(declared.has(p) || declaredUninstall.has(p), p).toBe(true);
    expect(nsh).toMatch(/\$\{IfNot\} \$\{isUpdated\}[\s\S]*uninstall\.ps1/); // an update keeps the kiosk
  });

  it('the product name, the AD password files and the WINDOWS-CONTRACT names are the ones the app and the tile use', () => {
    expect(script('common.ps1')).toContain(
      `$ProductName = '${(JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string }).productName}'`,
    );
    const files = secretFiles('S', 'U');
    const uninstall = script('uninstall.ps1');
    expect(uninstall).toContain(`'${basename(files.importFile)}'`);
    expect(uninstall).toContain(`'${basename(files.encrypted)}'`);
    expect(uninstall).toContain('AppData\\Roaming\\$ProductName'); // Electron's userData on Windows
    const provider = script('provider.ps1');
    expect(provider).toContain("$ProviderClsid = '{6D75EE9F-8460-466C-8E35-C5706647502F}'");
    expect(provider).toContain("$ProviderDll = 'wachtwoord-vergeten-tile.dll'");
    expect(provider).toContain('resources\\logon-tile\\$ProviderDll');
    expect(provider).toContain('Authentication\\Credential Providers\\$ProviderClsid');
    expect(provider).toContain("'ThreadingModel' 'Apartment'");
    expect(script('common.ps1')).toContain("$ProductKey = 'HKLM:\\SOFTWARE\\Wachtwoord vergeten'");
    expect(script('secret.ps1')).toContain("$LsaSecretName = 'L$WachtwoordVergetenKiosk'");
    for (const v of ["'KioskAccount'", "'Ready'", 'TileTitle', 'TileSubtitle'])
      expect(script('account.ps1') + script('install.ps1') + provider).toContain(v);
  });

  it('local mode: the AD password file, its DPAPI entropy and scope are the same in install.ps1 and the kiosk', () => {
    const ps = script('directory-secret.ps1');
    const c = readFileSync(join(root, 'src-machine-secret', 'unprotect.c'), 'utf8');
    const entropy = /GetBytes\("([^"]+)"\)/.exec(ps)?.[1];
    expect(entropy).toMatch(/^WachtwoordVergeten\./);
    expect(c).toContain(`static const char ENTROPY[] = "${entropy!}";`);
    expect(ps).toContain('DataProtectionScope.LocalMachine');
    expect(ps).toContain(`$DirectorySecretFile = Join-Path $SettingsDir '${MACHINE_SECRET_FILE}'`);
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toContain(`- ${MACHINE_SECRET_READER}`);
  });

  it('the tile (src-logon-tile) reads exactly these names', () => {
    const tile = (f: string) => readFileSync(join(root, 'src-logon-tile', 'src', f), 'utf8');
    expect(tile('guids.h')).toContain('{0x6d75ee9f, 0x8460, 0x466c, {0x8e, 0x35, 0xc5, 0x70, 0x66, 0x47, 0x50, 0x2f}}');
    expect(tile('lsa_system.cpp')).toContain('L"L$WachtwoordVergetenKiosk"');
    expect(tile('settings.h')).toContain('L"SOFTWARE\\\\Wachtwoord vergeten"');
    for (const v of [
      'KioskAccount',
      'Ready',
      'TileTitle',
      'TileSubtitle',
      'Disabled',
      'KioskSid',
      'KioskShell',
      'ShellMode',
      'AppLocker',
    ])
      expect(tile('settings.cpp')).toContain(`L"${v}"`);
    // What the tile proves at every sign-in: written by provider.ps1 under the same names, ShellMode in the same two spellings.
    expect(script('provider.ps1')).toContain("$TileFactNames = @('KioskSid', 'KioskShell', 'ShellMode', 'AppLocker')");
    for (const mode of ['ShellLauncher', 'UserPolicy']) {
      expect(tile('settings.cpp')).toContain(`L"${mode}"`);
      expect(script('install.ps1')).toContain(`'${mode}'`);
    }
    // The tile takes a secret of 32 to 256 characters; install.ps1 makes 40.
    expect(script('secret.ps1')).toMatch(/for \(\$n = 0; \$n -lt 40; \$n\+\+\)/);
  });
});
