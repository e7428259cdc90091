// Mode planning, file locations, settings-over-config, and the rule that keeps this suite runnable under
// plain Node: only main.ts, preload.ts and settings-store.ts import electron (or electron-store) at runtime,
// and a test loads main.ts only with both mocked.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src-main/config/load.js';
import { kioskConfig } from '../../../../src-main/electron/local/local-mode.js';
import { planKiosk } from '../../../../src-main/electron/start/modes.js';
import {
  builtPaths,
  secretFiles,
  settingsDir,
  system32,
  windowsDir,
} from '../../../../src-main/electron/start/paths.js';
import { parseSettings } from '../../../../src-main/settings/schema.js';

describe('mode plan', () => {
  it('local: our wizard on app://kiosk with the preload', () => {
    expect(planKiosk(parseSettings({}))).toEqual({
      mode: 'local',
      startUrl: 'app://kiosk/index.html',
      allowedOrigin: 'app://kiosk',
      requestOrigins: ['app://kiosk'],
      usePreload: true,
    });
  });

  it('central: the service origin only, no preload, pinned host', () => {
    const plan = planKiosk(
      parseSettings({ mode: 'central', centralUrl: 'https://Reset.Zorg.Example:8443/wizard/', caFile: 'ca.pem' }),
    );
    expect(plan).toEqual({
      mode: 'central',
      startUrl: 'https://Reset.Zorg.Example:8443/wizard/',
      allowedOrigin: 'https://reset.zorg.example:8443',
      requestOrigins: ['https://reset.zorg.example:8443', 'app://kiosk'],
      usePreload: false,
      pinHost: 'reset.zorg.example',
      caFile: 'ca.pem',
    });
  });

  it('local mode: the kiosk settings win over the core config for language, idle and done time', () => {
    const c = kioskConfig(parseConfig({ language: 'nl' }), { language: 'en', idleSeconds: 45, doneSeconds: 7 });
    expect(c.language).toBe('en');
    expect(c.security.idleSeconds).toBe(45);
    expect(c.security.doneSeconds).toBe(7);
    expect(c.security.codeTtlSeconds).toBe(300);
  });
});

describe('paths', () => {
  it('installed: fixed admin-owned places, whatever the environment says (issue 13)', () => {
    const planted = {
      ProgramData: 'C:\\Users\\kiosk\\x',
      SystemRoot: 'C:\\Users\\kiosk\\w',
      RESET_KIOSK_SETTINGS_DIR: 'C:\\Users\\kiosk\\s',
    };
    expect(settingsDir({ platform: 'win32', isPackaged: true, env: planted }, 'x')).toBe(
      'C:\\ProgramData\\Wachtwoord vergeten',
    );
    expect(
      settingsDir(
        { platform: 'linux', isPackaged: true, env: { RESET_KIOSK_SETTINGS_DIR: '/tmp/x' } },
        '/home/k/.config/x',
      ),
    ).toBe('/etc/reset-kiosk');
    expect(windowsDir({ isPackaged: true, env: planted })).toBe('C:\\Windows');
    expect(system32({ isPackaged: true, env: planted }, 'icacls.exe')).toBe('C:\\Windows\\System32\\icacls.exe');
  });

  it('unpackaged (development, tests): RESET_KIOSK_SETTINGS_DIR first, then %ProgramData% on Windows, else userData', () => {
    const dev = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv) => ({ platform, isPackaged: false, env });
    expect(settingsDir(dev('win32', { ProgramData: 'D:\\ProgramData' }), 'x')).toBe(
      'D:\\ProgramData\\Wachtwoord vergeten',
    );
    expect(settingsDir(dev('win32', { ProgramData: '..\\evil' }), 'x')).toBe('C:\\ProgramData\\Wachtwoord vergeten');
    expect(settingsDir(dev('linux', {}), '/home/k/.config/x')).toBe('/home/k/.config/x');
    expect(settingsDir(dev('win32', { RESET_KIOSK_SETTINGS_DIR: 'D:\\k' }), 'x')).toBe('D:\\k');
    expect(windowsDir({ isPackaged: false, env: { SystemRoot: 'D:\\Windows' } })).toBe('D:\\Windows');
    expect(windowsDir({ isPackaged: false, env: { SystemRoot: '..\\evil' } })).toBe('C:\\Windows');
  });

  it('the secret: ciphertext in the kiosk profile, import file beside the settings; built files beside main', () => {
    expect(secretFiles('/s', '/u')).toEqual({
      encrypted: join('/u', 'directory-password.bin'),
      importFile: join('/s', 'directory-password.txt'),
    });
    expect(builtPaths('/app/dist/main/electron')).toEqual({
      renderer: join('/app/dist/renderer'),
      preload: join('/app/dist/main/electron/preload.cjs'),
    });
  });
});

describe('process boundary', () => {
  const dir = 'src-main/electron';
  const tree = (d: string): string[] =>
    readdirSync(d, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.split(sep).join('/'));
  const runtimeImports = (file: string) =>
    [...readFileSync(join(dir, file), 'utf8').matchAll(/^import\s+(?!type\s)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(
      (m) => m[1],
    );

  it('only main.ts, preload/preload.ts and start/settings-store.ts load electron at runtime', () => {
    const loaders = tree(dir).filter((f) => runtimeImports(f).some((i) => i === 'electron' || i === 'electron-store'));
    expect(loaders.sort()).toEqual(['main.ts', 'preload/preload.ts', 'start/settings-store.ts']);
  });

  it('tests load main.ts and settings-store.ts only with electron mocked, and never the preload entry', () => {
    for (const f of tree('test/unit/electron')) {
      const t = readFileSync(join('test/unit/electron', f), 'utf8');
      expect(t, f).not.toMatch(/(from\s+|import\()['"][^'"]*electron\/preload\/preload\.js['"]/);
      if (/(from\s+|import\()['"][^'"]*electron\/start\/settings-store\.js['"]/.test(t))
        expect(t, f).toContain("vi.mock('electron',");
      if (/(from\s+|import\()['"][^'"]*electron\/main\.js['"]/.test(t)) {
        expect(t, f).toContain("vi.mock('electron',");
      }
    }
  });
});
