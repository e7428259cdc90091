// main.ts as Electron would run it, with electron replaced by a fake (vi.mock: the real electron package is never
// loaded, so nothing tries to download its binary); the settings come through the real electron-store. Proves the wiring the pure
// tests cannot: start-up order, the local-mode core behind real IPC handlers, app:// serving the built
// wizard, the window, and the idle and end-of-wizard wipes.
import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forwardEach, type ResetApi } from '../../../src-main/core/contract.js';
import { CHANNELS } from '../../../src-main/electron/preload/channels.js';
import { KIOSK_CSP } from '../../../src-main/electron/window/csp.js';
import { lastCode, readOutbox } from '../../helpers/sms.js';
import { walkTo } from '../../helpers/walk.js';

type Handler = (...a: unknown[]) => unknown;
type ProtocolHandler = (req: { url: string }) => Promise<Response>;
/** What the tests read of the fake BrowserWindow (its class lives in the vi.mock factory, which runs first). */
type FakeWindow = { options: { webPreferences: { preload?: string } }; urls: string[]; webContents: EventEmitter };
/** An IPC answer as these tests read it. */
type Answer = { ok: boolean; sessionId?: string } & Record<string, unknown>;
const fake = vi.hoisted(() => ({
  dir: '',
  idle: 0,
  calls: [] as string[],
  handlers: new Map<string, Handler>(),
  protocolHandler: undefined as undefined | ProtocolHandler,
  windows: [] as FakeWindow[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: EE } = await import('node:events');
  const app = Object.assign(new EE(), {
    isPackaged: false,
    enableSandbox: () => fake.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (fake.calls.push('lock'), true),
    whenReady: () => (fake.calls.push('whenReady'), Promise.resolve()),
    getPath: (name: string) => `${fake.dir}/${name}`,
    getVersion: () => '0.0.0-test',
    quit: () => fake.calls.push('quit'),
    exit: (code: number) => fake.calls.push(`exit ${code}`),
  });
  class WebContents extends EE {
    setWindowOpenHandler() {}
    setZoomLevel() {}
    async setVisualZoomLevelLimits() {}
    closeDevTools() {}
    openDevTools() {}
    forcefullyCrashRenderer() {}
    getType() {
      return 'window';
    }
    url = '';
    getURL() {
      return this.url;
    }
    reload() {
      fake.calls.push(`reload ${this.url}`);
    }
  }
  class BrowserWindow extends EE {
    webContents = new WebContents();
    urls: string[] = [];
    constructor(readonly options: FakeWindow['options']) {
      super();
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.urls.push(url);
      this.webContents.url = url;
      return Promise.resolve();
    }
    removeMenu() {}
    setAlwaysOnTop() {}
    show() {}
    focus() {}
    isDestroyed() {
      return false;
    }
  }
  const ses = Object.assign(new EE(), {
    protocol: {
      handle: (scheme: string, h: ProtocolHandler) => (fake.calls.push(`handle ${scheme}`), (fake.protocolHandler = h)),
    },
    webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    setCertificateVerifyProc() {},
    getUserAgent: () => 'Chrome',
    setUserAgent: (ua: string) => fake.calls.push(`ua ${ua}`),
    clearStorageData: () => Promise.resolve(void fake.calls.push('clearStorageData')),
    clearCache: () => Promise.resolve(void fake.calls.push('clearCache')),
  });
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, h: Handler) => fake.handlers.set(channel, h), on: () => {} }, // on: electron-store's own channel
    Menu: { setApplicationMenu: () => fake.calls.push('menu null') },
    powerMonitor: { getSystemIdleTime: () => fake.idle },
    protocol: {
      registerSchemesAsPrivileged: (s: { scheme: string }[]) =>
        fake.calls.push(`privileged ${s.map((x) => x.scheme).join(',')}`),
    },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (s: string) => Promise.resolve(Buffer.from(s)),
      decryptStringAsync: (b: Buffer) => Promise.resolve({ result: String(b), shouldReEncrypt: false }),
    },
    session: { fromPartition: (p: string) => (fake.calls.push(`partition ${p}`), ses) },
  };
  return { ...electron, default: electron }; // electron-store's `import electron from 'electron'`
});

const argv = process.argv;
let outbox: string;
let win: FakeWindow;
const event = (url = 'app://kiosk/index.html', sender: unknown = win.webContents) => ({
  sender,
  senderFrame: { url, parent: null },
});
/** The wizard's in-page signal as Electron reports it (did-navigate-in-page: url, isMainFrame). */
const signal = (url: string, isMainFrame = true) => win.webContents.emit('did-navigate-in-page', {}, url, isMainFrame);
const invoke = (method: keyof typeof CHANNELS, arg: unknown, e = event()) =>
  fake.handlers.get(CHANNELS[method])!(e, arg) as Promise<Answer>;

beforeAll(async () => {
  fake.dir = mkdtempSync(join(tmpdir(), 'rk-main-'));
  // The kiosk's own --config (a demo directory, its outbox in the temp dir): the process environment stays as it is.
  outbox = join(fake.dir, 'outbox.jsonl');
  writeFileSync(join(fake.dir, 'config.json'), JSON.stringify({ sms: { provider: { type: 'outbox', file: outbox } } }));
  process.argv = ['electron', '/app', '--config', join(fake.dir, 'config.json')];
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
  await import('../../../src-main/electron/main.js');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  win = fake.windows[0]!;
});
afterAll(async () => {
  const { app } = (await import('electron')) as unknown as { app: EventEmitter };
  app.emit('before-quit');
  vi.useRealTimers();
  process.argv = argv;
  rmSync(fake.dir, { recursive: true, force: true });
});

describe('main.ts wiring (fake Electron)', () => {
  it('starts in the right order: lock, sandbox and app:// before ready; in-memory session; no menu', () => {
    const c = fake.calls;
    expect(c.indexOf('enableSandbox')).toBeLessThan(c.indexOf('whenReady'));
    expect(c.indexOf('privileged app')).toBeLessThan(c.indexOf('whenReady'));
    expect(c).toContain('lock');
    expect(c).toContain('partition kiosk');
    expect(c).toContain('menu null');
    expect(c.find((x) => x.startsWith('ua '))).toMatch(/reset-kiosk\/[\w.-]+$/);
  });

  it('opens one hardened kiosk window on app://kiosk with the bundled preload', () => {
    expect(win.options).toMatchObject({
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win.options.webPreferences.preload).toMatch(
      /dist[\\/]main[\\/]electron[\\/]preload\.cjs$|src-main[\\/]electron[\\/]preload\.cjs$/,
    );
    expect(win.urls).toEqual(['app://kiosk/index.html']);
  });

  it('installs the app:// handler: every answer carries the CSP, nothing outside the root', async () => {
    // From the sources main looks for renderer/ two levels above src-main/electron (absent): 404s here;
    // serving real files is protocol.test.ts's job.
    for (const url of ['app://kiosk/index.html', 'app://kiosk/..%2f..%2fpackage.json']) {
      const res = await fake.protocolHandler!({ url });
      expect(res.headers.get('content-security-policy'), url).toBe(KIOSK_CSP);
      expect(res.status, url).toBe(404);
    }
  });

  it('answers the renderer over IPC from the demo core, and refuses another frame', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    expect(await invoke('info', {})).toMatchObject({ ok: true, demo: true, idleSeconds: 90, defaultLang: 'nl' });
    expect(await invoke('info', {}, event('https://evil.example/'))).toEqual({ ok: false, code: 'invalid_request' });
    expect(await invoke('info', {}, event(undefined, {}))).toEqual({ ok: false, code: 'invalid_request' });
  });

  it('wipes after 90 s idle: cancels the session, clears storage, reloads the start screen', async () => {
    const started = await invoke('start', { username: 'A.Janssen' });
    fake.idle = 91; // the system saw no input for 91 s, and neither did the window:
    vi.advanceTimersByTime(91_000);
    await vi.waitFor(() => expect(win.urls).toHaveLength(2));
    expect(fake.calls).toContain('clearStorageData');
    expect(await invoke('verifyIdentity', { sessionId: started.sessionId, birthdate: '01-10-1984' })).toMatchObject({
      ok: false,
      code: 'session_expired',
    });
    fake.idle = 0;
    vi.advanceTimersByTime(5000);
  });

  it('after an idle wipe the start screen is told why (#idle), and really reloaded (a fragment alone reloads nothing)', () => {
    expect(win.urls[1]).toBe('app://kiosk/index.html#idle');
    expect(fake.calls).toContain('reload app://kiosk/index.html#idle');
  });

  it("on the code step waits codeIdleSeconds (the code's validity) before the idle wipe", async () => {
    const started = await invoke('start', { username: 'A.Janssen' });
    expect(await invoke('verifyIdentity', { sessionId: started.sessionId, birthdate: '01-10-1984' })).toMatchObject({
      ok: true,
      step: 'code',
    });
    signal('app://kiosk/index.html#/kiosk/step/code'); // the wizard shows the code step
    const before = win.urls.length;
    win.webContents.emit('input-event', {}, { type: 'keyDown' }); // the last input: now
    fake.idle = 100_000;
    vi.advanceTimersByTime(200_000); // past idleSeconds (90), within the code's 300 s
    await new Promise((r) => setImmediate(r));
    expect(win.urls).toHaveLength(before);
    vi.advanceTimersByTime(105_000);
    await vi.waitFor(() => expect(win.urls).toHaveLength(before + 1));
    fake.idle = 0;
    vi.advanceTimersByTime(5000);
  });

  it('input the window saw (DevTools, a test harness) counts, even when the system idle clock says otherwise', async () => {
    const before = win.urls.length;
    fake.idle = 100_000; // a session without an input desktop: idle since boot
    win.webContents.emit('input-event', {}, { type: 'keyDown' });
    vi.advanceTimersByTime(60_000);
    expect(win.urls).toHaveLength(before);
    vi.advanceTimersByTime(35_000);
    await vi.waitFor(() => expect(win.urls).toHaveLength(before + 1));
    fake.idle = 0;
    vi.advanceTimersByTime(5000);
  });

  it("ends at once when the person leaves (Annuleren on the first step): the wizard's signal, not an IPC call", async () => {
    const before = win.urls.length;
    expect(await invoke('cancel', {})).toEqual({ ok: true }); // a cancel without a session ends nothing any more
    signal('app://kiosk/index.html#/kiosk/end/left', false); // a sub-frame's signal is ignored
    signal('https://evil.example/#/kiosk/end/left'); // so is another origin's
    await new Promise((r) => setImmediate(r));
    expect(win.urls).toHaveLength(before);
    signal('app://kiosk/index.html#/kiosk/end/left');
    await vi.waitFor(() => expect(win.urls).toHaveLength(before + 1));
    expect(win.urls.at(-1)).toBe('app://kiosk/index.html');
  });

  it('wipes doneSeconds after a successful reset', async () => {
    const kiosk: ResetApi = forwardEach((method) => (req) => invoke(method, req));
    await walkTo(kiosk, (to) => lastCode(readOutbox(outbox), to), 'done'); // each answer checked, up to done
    signal('app://kiosk/index.html#/kiosk/end/done'); // the success screen
    const before = win.urls.length;
    vi.advanceTimersByTime(19_000);
    expect(win.urls).toHaveLength(before);
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(() => expect(win.urls).toHaveLength(before + 1));
  });
});
