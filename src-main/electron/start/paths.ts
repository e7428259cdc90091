// Where the kiosk finds and keeps things. Pure: main passes app.isPackaged, app.getPath() results and the
// environment. An installed (packaged) kiosk never takes a settings path from its environment: the kiosk account
// can set any variable it likes in HKCU\Environment (it overrides the machine's at logon), so %ProgramData%,
// %SystemRoot% or RESET_KIOSK_SETTINGS_DIR would let one escape plant a kiosk.json that sends every later
// nurse's username, birthdate, code and new password to an attacker's server (issue 13, point 3).
import { join, win32 } from 'node:path';

export const PRODUCT_DIR = 'Wachtwoord vergeten';

/**
 * The fixed, admin-owned roots of an installed kiosk. Node cannot call SHGetKnownFolderPath(FOLDERID_ProgramData)
 * or GetSystemWindowsDirectoryW without a native module, Electron's app.getPath() has no name for either, and
 * reg.exe (HKLM\...\ProfileList\ProgramData) is denied to the kiosk account by AppLocker and would itself need the
 * Windows directory. So they are constants: moving ProgramData is for test images only and blocks servicing
 * (Microsoft's unattend reference, Microsoft-Windows-Shell-Setup | FolderLocations | ProgramData), and a Windows
 * installed elsewhere than C:\Windows makes the kiosk refuse to start (no kiosk.json, no icacls.exe) instead of
 * reading a path someone else chose.
 */
export const PACKAGED_WINDOWS_DIR = 'C:\\Windows';
export const PACKAGED_PROGRAM_DATA = 'C:\\ProgramData';
/** Linux labs: root-owned, beside the web host's /etc/reset-kiosk/config.json. */
export const PACKAGED_POSIX_SETTINGS_DIR = '/etc/reset-kiosk';

export type HostFacts = { platform: NodeJS.Platform; isPackaged: boolean; env: NodeJS.ProcessEnv };

const isDrivePath = (p: string | undefined): p is string => !!p && /^[A-Za-z]:\\/.test(p);

/** The Windows directory (shutdown.exe, icacls.exe live in its System32). The environment only counts unpackaged. */
export function windowsDir(h: Pick<HostFacts, 'isPackaged' | 'env'>): string {
  if (!h.isPackaged && isDrivePath(h.env.SystemRoot)) return h.env.SystemRoot;
  return PACKAGED_WINDOWS_DIR;
}

/** A program in the Windows directory's System32, by absolute path: no PATH lookup. */
export function system32(h: Pick<HostFacts, 'isPackaged' | 'env'>, exe: string): string {
  return win32.join(windowsDir(h), 'System32', exe);
}

/**
 * Kiosk settings (electron-store `kiosk.json`). Installed: C:\ProgramData\Wachtwoord vergeten (Windows, written by
 * the installer or GPO, read-only for the kiosk account) or /etc/reset-kiosk. Unpackaged (development, tests):
 * RESET_KIOSK_SETTINGS_DIR, else %ProgramData% on Windows, else the app's userData.
 */
export function settingsDir(h: HostFacts, userData: string): string {
  if (h.isPackaged)
    return h.platform === 'win32' ? win32.join(PACKAGED_PROGRAM_DATA, PRODUCT_DIR) : PACKAGED_POSIX_SETTINGS_DIR;
  if (h.env.RESET_KIOSK_SETTINGS_DIR) return h.env.RESET_KIOSK_SETTINGS_DIR;
  if (h.platform === 'win32')
    return win32.join(isDrivePath(h.env.ProgramData) ? h.env.ProgramData : PACKAGED_PROGRAM_DATA, PRODUCT_DIR);
  return userData;
}

/** The AD password: ciphertext in the kiosk account's own profile, the one-time import file beside the settings. */
export function secretFiles(settings: string, userData: string): { encrypted: string; importFile: string } {
  return { encrypted: join(userData, 'directory-password.bin'), importFile: join(settings, 'directory-password.txt') };
}

/** Built files next to this module: dist/main/electron/ → dist/renderer and the bundled preload. */
export function builtPaths(electronDir: string): { renderer: string; preload: string } {
  return { renderer: join(electronDir, '..', '..', 'renderer'), preload: join(electronDir, 'preload.cjs') };
}
