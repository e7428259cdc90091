// How the logon tile reaches a PC, checked without a C++ toolchain: electron-builder ships the DLL on
// Windows only, its beforePack hook refuses a Windows build without it, `npm run build` does not need it,
// and the CLSID in the code is the one docs/windows-kiosk.md (and the Windows scripts) name.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The parts of electron-builder's resolved configuration this test reads. */
type Config = { win: { extraResources: unknown }; extraResources: unknown; beforePack: unknown };
const require = createRequire(import.meta.url);
const builder = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Config>;
};
const root = process.cwd();
const CLSID = '{6D75EE9F-8460-466C-8E35-C5706647502F}';

async function beforePack(projectDir: string, platform: string) {
  const hook = (await import(join(root, 'src-logon-tile', 'require-dll.mjs'))) as {
    default: (c: unknown) => Promise<void>;
  };
  return hook.default({ electronPlatformName: platform, packager: { projectDir } });
}

describe('packaging of the logon tile', () => {
  it('electron-builder ships dist/logon-tile/wachtwoord-vergeten-tile.dll as resources\\logon-tile on Windows only', async () => {
    const c = await builder.getConfig(root, 'electron-builder.yml', null);
    expect(c.win.extraResources).toEqual([
      { from: 'dist/logon-tile', to: 'logon-tile', filter: ['wachtwoord-vergeten-tile.dll'] },
      { from: 'dist/machine-secret', to: 'machine-secret', filter: ['read-machine-secret.exe'] },
    ]);
    expect(JSON.stringify(c.extraResources)).not.toContain('logon-tile');
    expect(c.beforePack).toBe('./src-logon-tile/require-dll.mjs');
  });

  it('beforePack refuses a Windows package without the DLL or the machine-secret reader, and lets it (or any Linux package) through', async () => {
    const project = mkdtempSync(join(tmpdir(), 'tile-pack-'));
    try {
      await expect(beforePack(project, 'win32')).rejects.toThrow(/npm run build:logon-tile/);
      await expect(beforePack(project, 'linux')).resolves.toBeUndefined();
      mkdirSync(join(project, 'dist', 'logon-tile'), { recursive: true });
      writeFileSync(join(project, 'dist', 'logon-tile', 'wachtwoord-vergeten-tile.dll'), 'MZ');
      await expect(beforePack(project, 'win32')).rejects.toThrow(/npm run build:machine-secret/);
      mkdirSync(join(project, 'dist', 'machine-secret'), { recursive: true });
      writeFileSync(join(project, 'dist', 'machine-secret', 'read-machine-secret.exe'), 'MZ');
      await expect(beforePack(project, 'win32')).resolves.toBeUndefined();
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('npm run build does not need the C++ toolchain; build:logon-tile is its own script', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).not.toMatch(/logon-tile|cmake/);
    expect(scripts['build:logon-tile']).toBe('node src-logon-tile/build.mjs');
  });

  it('the CLSID in guids.h is the one docs/windows-kiosk.md names', () => {
    const m =
      /kClsidProvider = \{0x([0-9a-f]{8}), 0x([0-9a-f]{4}), 0x([0-9a-f]{4}), \{((?:0x[0-9a-f]{2},? ?){8})\}\}/.exec(
        readFileSync('src-logon-tile/src/guids.h', 'utf8'),
      );
    expect(m).not.toBeNull();
    const bytes = m![4]!.split(',').map((b) => b.trim().slice(2));
    const guid = `{${m![1]}-${m![2]}-${m![3]}-${bytes.slice(0, 2).join('')}-${bytes.slice(2).join('')}}`.toUpperCase();
    expect(guid).toBe(CLSID);
    expect(readFileSync('docs/windows-kiosk.md', 'utf8')).toContain(CLSID);
  });
});
