// electron-builder.yml, offline: validated by app-builder-lib's own validator against its scheme.json (the
// check electron-builder runs before a build), plus what the schema cannot know: fuses, packed files, and
// that every file the installer references exists. The Windows scripts themselves are tested under PowerShell 7
// in test/windows/.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
/** electron-builder's resolved configuration (getConfig), typed where these tests read it. */
type Config = Record<string, unknown> & {
  directories: { output: string };
  electronVersion: string;
  /** getConfig normalises `files` into [{ filter: [...] }], as electron-builder uses it. */
  files: (string | { filter: string[] })[];
  win: { target: unknown; icon: string };
  nsis: { include: string; installerIcon: string; uninstallerIcon: string };
  linux: { target: unknown; maintainer: string; icon: string };
  extraResources: { from: string }[];
};
const builder = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quiet = { isEnabled: false, add() {} };
const root = process.cwd();
const load = () => builder.getConfig(root, 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib scheme.json', async () => {
    await expect(builder.validateConfiguration(await load(), quiet)).resolves.toBeUndefined();
  });

  it('the validator is live: an unknown key or a wrong fuse type fails', async () => {
    const cfg = await load();
    await expect(builder.validateConfiguration({ ...cfg, nsiss: {} }, quiet)).rejects.toThrow(
      /unknown property 'nsiss'/,
    );
    await expect(builder.validateConfiguration({ ...cfg, electronFuses: { runAsNode: 'no' } }, quiet)).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('flips the fuses the security checklist asks for', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('names the product, packs only what runs, in an asar, never into dist/', async () => {
    const c = await load();
    expect(c).toMatchObject({
      appId: 'nl.pantein.reset-kiosk',
      productName: 'Wachtwoord vergeten',
      asar: true,
      electronVersion: '45.5.0',
    });
    expect(c.directories.output).not.toMatch(/^dist/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      main: string;
      devDependencies: Record<string, string>;
    };
    expect(c.electronVersion).toBe(pkg.devDependencies.electron);
    expect(pkg.main).toBe('dist/main/electron/main.js');
    const files = c.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/renderer/**/*']));
    expect(files.filter((f) => !f.startsWith('!')).some((f) => /^(src|test|src-main|src-renderer)/.test(f))).toBe(
      false,
    );
    expect(files).toContain('!**/*.map');
  });

  it('Windows: a per-machine assisted NSIS installer with our macros; Linux: AppImage and deb', async () => {
    const c = await load();
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      include: 'resources/windows/installer.nsh',
      createDesktopShortcut: false,
    });
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.linux.maintainer).toMatch(/@/);
  });

  it('every file it references exists', async () => {
    const c = await load();
    for (const f of [
      c.win.icon,
      c.nsis.include,
      c.nsis.installerIcon,
      c.nsis.uninstallerIcon,
      c.linux.icon,
      ...c.extraResources.map((r) => r.from),
    ])
      expect(existsSync(join(root, f)), f).toBe(true);
    expect(existsSync('resources/demo-directory.json')).toBe(true);
  });
});
