// electron-builder.yml, offline: validated by app-builder-lib's own validator against its scheme.json (the
// check electron-builder runs before a build), plus what the schema cannot know: fuses, packed files, and
// that every file the installer and its scripts reference exists. PowerShell cannot run here, so the scripts
// get static checks; `pwsh` parses them where it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const builder = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quiet = { isEnabled: false, add() {} };
const root = process.cwd();
const load = () => builder.getConfig(root, 'electron-builder.yml', null);
const win = (f: string) => join(root, 'resources', 'windows', f);
const text = (f: string) => readFileSync(win(f), 'utf8');

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib scheme.json', async () => {
    await expect(builder.validateConfiguration(await load(), quiet)).resolves.toBeUndefined();
  });

  it('the validator is live: an unknown key or a wrong fuse type fails', async () => {
    const cfg = await load();
    await expect(builder.validateConfiguration({ ...cfg, nsiss: {} }, quiet)).rejects.toThrow(/unknown property 'nsiss'/);
    await expect(builder.validateConfiguration({ ...cfg, electronFuses: { runAsNode: 'no' } }, quiet)).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses the security checklist asks for', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, enableCookieEncryption: true,
    });
  });

  it('names the product, packs only what runs, in an asar, never into dist/', async () => {
    const c = await load();
    expect(c).toMatchObject({ appId: 'nl.pantein.reset-kiosk', productName: 'Wachtwoord vergeten', asar: true, electronVersion: '45.5.0' });
    expect(c.directories.output).not.toMatch(/^dist/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(c.electronVersion).toBe(pkg.devDependencies.electron);
    expect(pkg.main).toBe('dist/main/electron/main.js');
    // getConfig normalises `files` into [{ filter: [...] }], as electron-builder uses it.
    const files = (c.files as (string | { filter: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/renderer/**/*']));
    expect(files.filter((f) => !f.startsWith('!')).some((f) => /^(src|test|src-main|src-renderer)/.test(f))).toBe(false);
    expect(files).toContain('!**/*.map');
  });

  it('Windows: a per-machine assisted NSIS installer with our macros; Linux: AppImage and deb', async () => {
    const c = await load();
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: true, include: 'resources/windows/installer.nsh', createDesktopShortcut: false });
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.linux.maintainer).toMatch(/@/);
  });

  it('every file it references exists', async () => {
    const c = await load();
    for (const f of [c.win.icon, c.nsis.include, c.nsis.installerIcon, c.nsis.uninstallerIcon, c.linux.icon, ...c.extraResources.map((r: { from: string }) => r.from)])
      expect(existsSync(join(root, f)), f).toBe(true);
    expect(existsSync('resources/demo-directory.json')).toBe(true);
  });
});

describe('installer scripts', () => {
  it('installer.nsh calls scripts that exist, with parameters they declare, skipping uninstall on updates', () => {
    const nsh = text('installer.nsh');
    const scripts = [...nsh.matchAll(/"([\w-]+\.ps1)"/g)].map((m) => m[1]!);
    expect(scripts.sort()).toEqual(['install.ps1', 'uninstall.ps1']);
    for (const s of scripts) expect(existsSync(win(s)), s).toBe(true);
    expect(nsh).toMatch(/\$INSTDIR\\resources\\windows\\/); // where extraResources puts them
    expect(nsh).toMatch(/-AppExe "\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}"/);
    expect(text('install.ps1')).toMatch(/\[Parameter\(Mandatory = \$true\)\] \[string\] \$AppExe/);
    expect(nsh).toMatch(/\$\{IfNot\} \$\{isUpdated\}[\s\S]*uninstall\.ps1/);
    expect(nsh).toMatch(/!macro customInstall[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*!macroend/);
  });

  it('the scripts dot-source common.ps1, which exists, and are plain ASCII (PowerShell 5.1 reads BOM-less files as ANSI)', () => {
    for (const s of ['install.ps1', 'uninstall.ps1']) expect(text(s)).toContain(". (Join-Path $PSScriptRoot 'common.ps1')");
    for (const s of ['install.ps1', 'uninstall.ps1', 'common.ps1', 'installer.nsh']) expect(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(text(s)), s).toBe(true);
  });

  it('uninstall reverses every step install records', () => {
    const recorded = new Set([...text('install.ps1').matchAll(/Set-State '(\w+)'/g)].map((m) => m[1]!));
    const undone = new Set([...text('uninstall.ps1').matchAll(/Get-State '(\w+)'/g)].map((m) => m[1]!));
    expect([...recorded].filter((k) => !undone.has(k))).toEqual([]);
    expect(recorded.size).toBeGreaterThan(10);
  });

  it('functions the scripts call are defined in common.ps1; brackets balance', () => {
    const common = text('common.ps1');
    const defined = new Set([...common.matchAll(/^function ([\w-]+)/gm)].map((m) => m[1]!));
    for (const s of ['install.ps1', 'uninstall.ps1']) {
      const used = [...text(s).matchAll(/\b((?:Assert|Get|Set|Test|Invoke|Write)-(?:Admin|State|AccountSid|LockdownEdition|UserRight|WithUserHive|ProfilePath|Step|RunLists|AppLockerKioskRules|LocalAppLockerXml|AppIdSvcStart))\b/g)].map((m) => m[1]!);
      for (const f of used) expect(defined.has(f), `${s}: ${f}`).toBe(true);
    }
    for (const s of ['install.ps1', 'uninstall.ps1', 'common.ps1']) {
      const code = text(s).replace(/<#[\s\S]*?#>/g, '').replace(/#.*$/gm, '').replace(/'[^']*'/g, "''");
      for (const [o, c] of [['{', '}'], ['(', ')'], ['[', ']']] as const) expect(code.split(o).length, `${s} ${o}${c}`).toBe(code.split(c).length);
    }
  });

  it('parses with pwsh where it is installed', () => {
    let pwsh = '';
    try {
      pwsh = execFileSync('sh', ['-c', 'command -v pwsh'], { encoding: 'utf8' }).trim();
    } catch {
      return; // Debian has no pwsh by default: the static checks above stand in
    }
    for (const s of ['install.ps1', 'uninstall.ps1', 'common.ps1']) {
      const cmd = `$e=$null; [System.Management.Automation.Language.Parser]::ParseFile('${win(s)}',[ref]$null,[ref]$e) | Out-Null; if ($e) { $e; exit 1 }`;
      execFileSync(pwsh, ['-NoProfile', '-Command', cmd]);
    }
  });
});
