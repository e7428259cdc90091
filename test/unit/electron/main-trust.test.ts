// main.ts refuses to start on settings it cannot trust (issue 13): a kiosk.json others may write, and — in an
// installed kiosk — a missing one at its fixed place, whatever RESET_KIOSK_SETTINGS_DIR says. Fake Electron as in
// main.test.ts (the real electron-store reads kiosk.json): no window is ever created, the refusal is logged, and the app exits 1.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ dir: '', isPackaged: false, calls: [] as string[], windows: 0 }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => {},
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => join(fake.dir, name),
    getVersion: () => '0.0.0-test',
    quit: () => fake.calls.push('quit'),
    exit: (code: number) => fake.calls.push(`exit ${code}`),
  });
  Object.defineProperty(app, 'isPackaged', { get: () => fake.isPackaged }); // Object.assign would copy a getter's value
  const session = { fromPartition: () => ({ getUserAgent: () => 'x', setUserAgent: () => {} }) };
  class BrowserWindow {
    constructor() {
      fake.windows++;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    session,
    ipcMain: { on: () => {} },
    Menu: { setApplicationMenu: () => {} },
    powerMonitor: {},
    protocol: { registerSchemesAsPrivileged: () => {} },
    safeStorage: {},
  };
  return { ...electron, default: electron }; // electron-store's `import electron from 'electron'`
});

const env = { ...process.env };
const argv = process.argv;
beforeEach(() => {
  vi.resetModules();
  fake.dir = mkdtempSync(join(tmpdir(), 'rk-main-trust-'));
  fake.calls = [];
  fake.windows = 0;
  process.argv = ['electron', '/app'];
  process.env.RESET_KIOSK_SETTINGS_DIR = join(fake.dir, 'settings');
});
afterEach(() => {
  process.env = { ...env };
  process.argv = argv;
  rmSync(fake.dir, { recursive: true, force: true });
});

async function startKiosk(): Promise<string> {
  await import('../../../src-main/electron/main.js');
  await vi.waitFor(() => expect(fake.calls).toContain('exit 1'));
  const logFile = join(fake.dir, 'logs', 'kiosk.log');
  await vi.waitFor(() => expect(readFileSync(logFile, 'utf8')).toMatch(/kiosk cannot start/));
  return readFileSync(logFile, 'utf8');
}

describe('main.ts: settings it cannot trust', () => {
  it('a kiosk.json others may write: logged with the reason, no window, exit 1', async () => {
    mkdirSync(join(fake.dir, 'settings'), { mode: 0o755 });
    const file = join(fake.dir, 'settings', 'kiosk.json');
    writeFileSync(
      file,
      JSON.stringify({ mode: 'central', centralUrl: 'https://attacker.example/', caFile: '/tmp/attacker-ca.pem' }),
    );
    chmodSync(file, 0o666);
    const log = await startKiosk();
    expect(log).toContain(
      `the kiosk settings refused, the kiosk account could change it: ${file}: writable by group and others (mode 0666)`,
    );
    expect(fake.windows).toBe(0);
  });

  it('installed: only /etc/reset-kiosk counts (RESET_KIOSK_SETTINGS_DIR is ignored), and a missing kiosk.json is refused', async () => {
    fake.isPackaged = true;
    try {
      const log = await startKiosk();
      expect(log).toContain('/etc/reset-kiosk/kiosk.json does not exist');
      expect(fake.windows).toBe(0);
    } finally {
      fake.isPackaged = false;
    }
  });
});
