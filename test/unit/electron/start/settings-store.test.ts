// The kiosk's settings as the shipped kiosk reads them: the real electron-store (and its conf) on a real file,
// with only `electron` replaced (electron-store asks it for app paths, which an absolute cwd makes unnecessary;
// vitest.config.ts inlines electron-store so this mock reaches it). Missing file → defaults and nothing written;
// a UTF-8 BOM (what Windows PowerShell 5.1's `-Encoding UTF8` writes) and non-ASCII text read back unchanged;
// bad JSON or a bad field → SettingsError naming the file.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ElectronStoreSettings, SETTINGS_FILE } from '../../../../src-main/electron/start/settings-store.js';
import { SettingsError } from '../../../../src-main/settings/schema.js';

vi.mock('electron', () => ({ default: {} })); // what main gets is Electron's module; here: no app, no ipcMain

const root = mkdtempSync(join(tmpdir(), 'rk-settings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = (content?: string) => {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  if (content !== undefined) writeFileSync(join(dir, SETTINGS_FILE), content);
  return dir;
};

describe('ElectronStoreSettings (the real electron-store)', () => {
  it('a missing kiosk.json means the defaults, and nothing is written to the folder', () => {
    const dir = folder();
    const s = new ElectronStoreSettings(dir);
    expect(s.read()).toMatchObject({ mode: 'local', logoffOnExit: false });
    expect(s.source).toBe(join(dir, 'kiosk.json'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads the admin’s file, non-ASCII and with or without a UTF-8 BOM', () => {
    const text = JSON.stringify({
      idleSeconds: 60,
      kioskId: 'pc-1',
      branding: { title: 'Wachtwoord vergeten – Gelre' },
    });
    for (const content of [text, `\ufeff${text}`]) {
      expect(new ElectronStoreSettings(folder(content)).read()).toMatchObject({
        idleSeconds: 60,
        kioskId: 'pc-1',
        branding: { title: 'Wachtwoord vergeten – Gelre' },
      });
    }
  });

  it('reads the file anew at every read', () => {
    const dir = folder(JSON.stringify({ idleSeconds: 60 }));
    const s = new ElectronStoreSettings(dir);
    expect(s.read().idleSeconds).toBe(60);
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ idleSeconds: 120 }));
    expect(s.read().idleSeconds).toBe(120);
  });

  it('bad JSON or a bad field: a SettingsError naming the file, and the file is left as it was', () => {
    const bad = folder('{ idle');
    expect(() => new ElectronStoreSettings(bad).read()).toThrow(SettingsError);
    expect(() => new ElectronStoreSettings(bad).read()).toThrow(
      new RegExp(`${SETTINGS_FILE} cannot be read: .*not valid JSON`),
    );
    expect(readdirSync(bad)).toEqual([SETTINGS_FILE]); // clearInvalidConfig: false — never "repaired" to {}
    const wrong = folder(JSON.stringify({ idleSeconds: 'lang' }));
    expect(() => new ElectronStoreSettings(wrong).read()).toThrow(/kiosk\.json are not valid:\n {2}idleSeconds:/);
  });
});
