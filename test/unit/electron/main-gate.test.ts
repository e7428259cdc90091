// main.ts started by someone who is not the kiosk account (issue 23): an installed kiosk on Windows shows a short
// message and quits — no window, no settings read, and above all no `shutdown /l` of that person's session. Fake
// Electron as in main.test.ts; node:child_process is replaced so reg.exe answers with the recorded kiosk account
// and every program main starts is seen.
import type * as ChildProcess from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  dir: '',
  calls: [] as string[],
  windows: 0,
  runs: [] as string[],
  boxes: [] as unknown[],
}));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const path = await import('node:path');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: () => {},
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => path.join(fake.dir, name),
    getVersion: () => '0.0.0-test',
    quit: () => fake.calls.push('quit'),
    exit: (code: number) => fake.calls.push(`exit ${code}`),
  });
  class BrowserWindow {
    constructor() {
      fake.windows++;
    }
  }
  const dialog = { showMessageBox: (o: unknown) => Promise.resolve((fake.boxes.push(o), { response: 0 })) };
  const electron = {
    app,
    BrowserWindow,
    dialog,
    session: {},
    ipcMain: { on: () => {} },
    Menu: {},
    powerMonitor: {},
    protocol: { registerSchemesAsPrivileged: () => {} },
    safeStorage: {},
  };
  return { ...electron, default: electron };
});
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof ChildProcess>();
  const REG =
    '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Wachtwoord vergeten\r\n    KioskAccount    REG_SZ    wwv-7f3k9q2m\r\n\r\n';
  const execFile = (file: string, _args: string[], _opts: unknown, cb: (err: Error | null, out: string) => void) => {
    fake.runs.push(file);
    cb(null, file.toLowerCase().endsWith('\\reg.exe') ? REG : '');
  };
  return { ...real, execFile, default: { ...real, execFile } };
});

const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
beforeAll(async () => {
  fake.dir = mkdtempSync(join(tmpdir(), 'rk-main-gate-'));
  Object.defineProperty(process, 'platform', { value: 'win32' }); // an installed Windows kiosk
  await import('../../../src-main/electron/main.js');
  await vi.waitFor(() => expect(fake.calls).toContain('quit'));
});
afterAll(() => {
  Object.defineProperty(process, 'platform', platform);
  rmSync(fake.dir, { recursive: true, force: true });
});

describe('main.ts: started by another account', () => {
  it('shows the short message once, quits, opens no window and logs nobody off', () => {
    expect(fake.boxes).toEqual([
      expect.objectContaining({
        type: 'info',
        message: 'Wachtwoord vergeten start je vanaf het aanmeldscherm van Windows.',
      }),
    ]);
    expect(fake.windows).toBe(0);
    expect(fake.runs).toEqual(['C:\\Windows\\System32\\reg.exe']); // the record was read; shutdown.exe never ran
    expect(fake.calls.filter((c) => c.startsWith('exit'))).toEqual([]);
  });

  it('says why in its log, without reading the settings', async () => {
    const file = join(fake.dir, 'logs', 'kiosk.log');
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toMatch(/not started/));
    const log = readFileSync(file, 'utf8');
    expect(log).toMatch(/not started: this is not the kiosk account/);
    expect(log).toMatch(/started by an account that is not the kiosk account/);
    expect(log).not.toMatch(/kiosk.json|settings/);
  });
});
