// Where the kiosk finds and keeps things. Pure: main passes app.getPath() results and the environment.
import { join, win32 } from 'node:path';

export const PRODUCT_DIR = 'Wachtwoord vergeten';

/**
 * Kiosk settings (electron-store `kiosk.json`): machine-wide on Windows, so the installer and GPO can write
 * them and the kiosk account only reads them; elsewhere the app's userData. RESET_KIOSK_SETTINGS_DIR wins.
 */
export function settingsDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, userData: string): string {
  if (env.RESET_KIOSK_SETTINGS_DIR) return env.RESET_KIOSK_SETTINGS_DIR;
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', PRODUCT_DIR);
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
