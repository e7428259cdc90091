// `npm start` without an Electron binary: a clear message, a non-zero exit, no download attempt, no stack.
import { describe, expect, it, vi } from 'vitest';
import { electronPackageDir, resolveElectronBinary, startCommand } from '../../src-main/launch.js';
import { parseKioskArgs } from '../../src-main/electron/start/args.js';

const fs = (files: Record<string, string>) => ({ exists: (p: string) => p in files, read: (p: string) => files[p] });

describe('finding the Electron binary like node_modules/electron/index.js, minus the download', () => {
  it('uses path.txt and dist/', () => {
    expect(resolveElectronBinary('/e', {}, fs({ '/e/path.txt': 'electron\n', '/e/dist/electron': '' }))).toEqual({
      ok: true,
      path: '/e/dist/electron',
    });
    expect(resolveElectronBinary('/e', {}, fs({ '/e/path.txt': 'electron.exe' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/missing/) as string,
    });
    expect(resolveElectronBinary('/e', {}, fs({}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/never downloaded/) as string,
    });
    expect(resolveElectronBinary(undefined, {}, fs({}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not installed/) as string,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(
      resolveElectronBinary(
        '/e',
        { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        fs({ '/opt/electron/electron': '' }),
      ),
    ).toEqual({ ok: true, path: '/opt/electron/electron' });
    expect(resolveElectronBinary('/e', { ELECTRON_OVERRIDE_DIST_PATH: '/nope' }, fs({}))).toMatchObject({ ok: false });
  });

  it('finds the installed package without running its index.js (which would download)', () => {
    expect(electronPackageDir()).toMatch(/node_modules[\\/]electron$/);
  });

  it('start without a binary: points to npm run serve, exit code 3', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await startCommand({ dev: true }, {}, () => ({
      ok: false,
      reason: 'the Electron binary was never downloaded',
    }));
    expect(code).toBe(3);
    const text = err.mock.calls.flat().join('\n');
    expect(text).toMatch(/cannot start here/);
    expect(text).toMatch(/npm run serve/);
    expect(text).not.toMatch(/\bat .*\.js:\d+/);
    err.mockRestore();
  });

  it('start with a binary that cannot be executed: exit code 4, no stack', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await startCommand({ dev: false }, {}, () => ({ ok: true, path: '/nonexistent/electron' }))).toBe(4);
    expect(err.mock.calls.flat().join('\n')).toMatch(/npm run serve/);
    err.mockRestore();
  });
});

describe('kiosk arguments', () => {
  it('--dev only counts in an unpackaged app; --config in both forms', () => {
    expect(parseKioskArgs(['electron', '.', '--dev', '--config', 'c.json'], false)).toEqual({
      dev: true,
      config: 'c.json',
    });
    expect(parseKioskArgs(['Wachtwoord vergeten.exe', '--dev'], true)).toEqual({ dev: false, config: undefined });
    expect(parseKioskArgs(['x', '--config=/etc/k.json'], true).config).toBe('/etc/k.json');
  });
});
