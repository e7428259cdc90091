// resources/windows: what install.ps1 and uninstall.ps1 must do, and in which order. PowerShell does not run
// here, so these are static checks over the script text (builder-config.test.ts checks the files exist, parse
// where pwsh is installed, and that every recorded step is undone).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretFiles } from '../../../src-main/electron/paths.js';

const text = (f: string) => readFileSync(join(process.cwd(), 'resources', 'windows', f), 'utf8');
/** The script without comments, so a comment cannot satisfy (or break) a check. */
const code = (f: string) => text(f).replace(/<#[\s\S]*?#>/g, '').replace(/#.*$/gm, '');
const install = code('install.ps1');
const uninstall = code('uninstall.ps1');
const common = code('common.ps1');
/** Position of a pattern that must occur; fails with the pattern's text otherwise. */
function at(src: string, pattern: string | RegExp): number {
  const i = typeof pattern === 'string' ? src.indexOf(pattern) : src.search(pattern);
  expect(i, String(pattern)).toBeGreaterThanOrEqual(0);
  return i;
}
/** The body of `Step 'name' { ... }` (brace-matched). */
function step(src: string, name: string): string {
  const start = at(src, `Step '${name}' {`) + `Step '${name}' `.length;
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    if (src[i] === '{') depth++;
    if (src[i] === '}' && --depth === 0) return src.slice(start, i + 1);
  }
  throw new Error(`unbalanced step ${name}`);
}
const steps = (src: string) => [...src.matchAll(/^\s*Step '([^']+)'/gm)].map((m) => m[1]!);

describe('uninstall.ps1: never an enabled blank-password account with a normal shell', () => {
  it('disables the kiosk account before anything else', () => {
    expect(steps(uninstall)[0]).toBe('kiosk account enabled');
    expect(step(uninstall, 'kiosk account enabled')).toMatch(/Disable-LocalUser -SID \$sid/);
    expect(at(uninstall, "Step 'kiosk account enabled'")).toBeLessThan(at(uninstall, /^Step '(?!kiosk account enabled)/m));
    expect(at(uninstall, 'Disable-LocalUser')).toBeLessThan(at(uninstall, 'logoff.exe'));
  });

  it('a failed account removal is an error, not silence', () => {
    const body = step(uninstall, 'profile and account');
    expect(body).toMatch(/Remove-LocalUser -SID \$sid(?! -ErrorAction SilentlyContinue)/);
    expect(body).not.toMatch(/Remove-LocalUser[^\n]*SilentlyContinue/);
    // The account goes even when the profile cannot; the profile's error is raised afterwards.
    expect(body.indexOf('Remove-LocalUser')).toBeLessThan(body.indexOf('throw $profileError'));
  });

  it('puts rights and LimitBlankPasswordUse back only after the account is gone, else warns and exits 1', () => {
    const check = at(uninstall, '$accountSafe =');
    expect(at(uninstall, "Step 'profile and account'")).toBeLessThan(check);
    expect(uninstall.slice(check, uninstall.indexOf('\n', check))).toMatch(/if \(\$created\) \{ -not \(Test-AccountLeft\) \}/);
    expect(uninstall).toMatch(/function Test-AccountLeft \{[^\n]*Get-LocalUser -SID \$sid/);
    for (const name of ['denied logon rights', 'blank-password policy']) {
      expect(uninstall.split(`Step '${name}'`)).toHaveLength(2); // exactly one, the guarded one
      expect(at(uninstall, `Step '${name}'`), name).toBeGreaterThan(check);
    }
    expect(uninstall).toMatch(
      /if \(-not \$accountSafe\) \{\s*\$script:failed \+= @\('denied logon rights', 'blank-password policy'\)[\s\S]*?Write-Warning[^\n]*NOT SAFE[\s\S]*?\} else \{\s*Step 'denied logon rights'[\s\S]*Step 'blank-password policy'/,
    );
    expect(uninstall).toMatch(/if \(\$failed\.Count\) \{[^\n]*exit 1 \}/);
  });

  it('an account that existed before gets its recorded flags back, enabled last', () => {
    const body = step(uninstall, 'profile and account');
    const restore = body.slice(at(body, 'if (Test-AccountLeft) {'));
    const order = ['/passwordreq:yes', '-PasswordNeverExpires', 'Remove-LocalGroupMember', 'Enable-LocalUser'].map((s) => at(restore, s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const k of ['AccountPreviousPasswordRequired', 'AccountPreviousPasswordExpires', 'AccountAddedToUsers', 'AccountPreviousEnabled'])
      expect(restore).toContain(`Get-State '${k}'`);
  });

  it('always deletes the AD password files, -KeepSettings or not, before the profile goes', () => {
    const body = step(uninstall, 'AD password files');
    const files = secretFiles('S', 'U');
    expect(body).toContain(`'${basename(files.importFile)}'`);
    expect(body).toContain(`'${basename(files.encrypted)}'`);
    expect(body).toContain('Join-Path $SettingsDir'); // where install.ps1 puts the import file
    // Electron's userData on Windows: %APPDATA%\<productName>, in the kiosk account's profile.
    expect(body).toContain('AppData\\Roaming\\$ProductName');
    expect(common).toContain(`$ProductName = '${JSON.parse(readFileSync('package.json', 'utf8')).productName}'`);
    expect(body).not.toMatch(/KeepSettings|Get-State/); // unconditional
    expect(body).toMatch(/Remove-Item -LiteralPath \$f -Force(?! -ErrorAction)/);
    expect(at(uninstall, "Step 'AD password files'")).toBeLessThan(at(uninstall, "Step 'profile and account'"));
  });
});

describe('install.ps1: an account that existed before', () => {
  it('records its flags before changing them, and the Users membership it adds', () => {
    const recorded = ['AccountPreviousPasswordRequired', 'AccountPreviousPasswordExpires', 'AccountPreviousEnabled'].map((k) => at(install, `Set-State '${k}'`));
    const changed = Math.min(at(install, /net\.exe user "\$AccountName" \/passwordreq:no \/active:yes/), at(install, '-PasswordNeverExpires $true'), at(install, 'Add-LocalGroupMember'));
    for (const r of recorded) expect(r).toBeLessThan(changed);
    expect(install).toMatch(/Add-LocalGroupMember -SID \$UsersGroupSid -Member \$sid\s*\n\s*Set-State 'AccountAddedToUsers' 1/);
    // only for an account install did not create, and only once (a re-run must not record the kiosk's flags)
    expect(install).toMatch(/elseif \(-not \(Get-State 'AccountCreated'\) -and \$null -eq \(Get-State 'AccountPreviousEnabled'\)\)/);
  });
});

describe('other apps: per-account software restriction', () => {
  it('RestrictRun allows only the kiosk (and shutdown.exe it logs off with); DisallowRun lists the usual escapes', () => {
    expect(common).toMatch(/RestrictRun = @\(\(Split-Path \$AppExe -Leaf\), 'shutdown\.exe'\); DisallowRun = \$DeniedPrograms/);
    const denied = [.../\$DeniedPrograms = @\(([^)]*)\)/.exec(common)![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    for (const exe of ['powershell.exe', 'pwsh.exe', 'mshta.exe', 'wscript.exe', 'cscript.exe', 'cmd.exe', 'regedit.exe', 'mmc.exe', 'control.exe', 'explorer.exe'])
      expect(denied, exe).toContain(exe);
    expect(common).toContain("$RunListKey = 'Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer'");
  });

  it('install writes both lists and their switches into the kiosk hive and records it; uninstall removes ours', () => {
    const hive = install.slice(at(install, "Invoke-WithUserHive $profilePath 'RK-Kiosk'"), at(install, "Set-State 'HivePolicies' 1"));
    expect(hive).toMatch(/Get-RunLists \$AppExe/);
    expect(hive).toMatch(/Set-ItemProperty -Path \$listKey -Name "rk\$i" -Value \$exe -Type String/);
    expect(hive).toMatch(/Set-ItemProperty -Path "\$hku\\\$RunListKey" -Name \$list -Value 1 -Type DWord/);
    expect(install).toContain("Set-State 'RunLists' 1");
    const undo = step(uninstall, 'profile and account');
    expect(undo).toMatch(/foreach \(\$list in 'RestrictRun', 'DisallowRun'\)/);
    expect(undo).toMatch(/Where-Object \{ \$_ -match '\^rk\\d\+\$' \}/); // only our entries
  });

  it('-AppLocker: opt-in, Enterprise/Education only, AppIDSvc on, rules for the kiosk SID, undone by id', () => {
    expect(text('install.ps1')).toMatch(/\[switch\] \$AppLocker\s*\)/);
    expect(install).toMatch(/if \(\$AppLocker -and -not \(Test-LockdownEdition\)\) \{ throw/);
    expect(install).toMatch(/sc\.exe config AppIDSvc start= auto/);
    expect(install).toMatch(/Start-Service -Name AppIDSvc/);
    expect(install).toMatch(/Get-AppLockerKioskRules \$sid \(Split-Path \$AppExe\) \$allowEveryone/);
    expect(install).toMatch(/\$allowEveryone = \$othersExe -eq 0/); // "everyone may run everything" only where no rules exist
    expect(install).toMatch(/\$\(if \(\$AppLocker\) \{ ' -AppLocker' \}/); // the after-restart task keeps the switch
    // A GUID prefix: 8-4-4-4- hex, completed with 12 hex digits per rule.
    expect(common).toMatch(/\$AppLockerIdPrefix = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-'/);
    expect(common).toMatch(/\$AppLockerIdPrefix \+ \('\{0:x12\}' -f \(\$i \+ 1\)\)/);
    const rules = common.slice(at(common, 'function Get-AppLockerKioskRules'), at(common, 'function Get-LocalAppLockerXml'));
    expect(rules).toMatch(/Action = 'Deny'; Sid = \$Sid; Path = '\*'; Except = @\('%WINDIR%\\\*', \(Join-Path \$AppDir '\*'\)/);
    expect(rules).toMatch(/foreach \(\$p in \$DeniedPrograms\)/);
    expect(rules.match(/Action = 'Allow'/g)).toHaveLength(1);
    expect(rules).toMatch(/if \(\$AllowEveryone\) \{ \$specs \+= \[pscustomobject\]@\{ Action = 'Allow'; Sid = 'S-1-1-0'/);
    const undo = step(uninstall, 'AppLocker rules');
    expect(undo).toMatch(/starts-with\(@Id,'\$AppLockerIdPrefix'\)/);
    expect(undo).toMatch(/Get-State 'AppLockerExeModePrevious'/);
    expect(undo).toMatch(/sc\.exe config AppIDSvc start= \$svc/);
  });
});
