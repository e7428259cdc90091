// createKioskWindow with fake Electron objects: the options it passes and the handlers it installs, driven
// the way Electron would drive them. The decisions themselves are tested in their own modules.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import { KIOSK_CSP } from '../../../../src-main/electron/window/csp.js';
import { planKiosk } from '../../../../src-main/electron/start/modes.js';
import {
  createKioskWindow,
  hardensContents,
  hardenWebContents,
  setupContentsHardening,
} from '../../../../src-main/electron/window/window.js';
import { parseSettings } from '../../../../src-main/settings/schema.js';

type Handler = (...a: unknown[]) => unknown;

let nextId = 1;
class FakeContents extends EventEmitter {
  id = nextId++;
  openHandler?: Handler;
  setWindowOpenHandler(h: Handler) {
    this.openHandler = h;
  }
  setZoomLevel = vi.fn();
  setVisualZoomLevelLimits = vi.fn(async () => {});
  closeDevTools = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  getType() {
    return 'window';
  }
}
class FakeWindow extends EventEmitter {
  static last: FakeWindow;
  webContents = new FakeContents();
  loadURL = vi.fn(async () => {});
  removeMenu = vi.fn();
  setAlwaysOnTop = vi.fn();
  show = vi.fn();
  isDestroyed = () => false;
  constructor(readonly options: { webPreferences: { preload?: string; devTools?: boolean } }) {
    super();
    FakeWindow.last = this;
  }
}
function fakeSession() {
  const s = new EventEmitter() as EventEmitter & Record<string, Handler | Record<string, Handler>>;
  const h: Record<string, Handler> = {};
  Object.assign(s, {
    setPermissionRequestHandler: (f: Handler) => (h.request = f),
    setPermissionCheckHandler: (f: Handler) => (h.check = f),
    setDevicePermissionHandler: (f: Handler) => (h.device = f),
    setCertificateVerifyProc: (f: Handler) => (h.cert = f),
    webRequest: { onBeforeRequest: (f: Handler) => (h.before = f), onHeadersReceived: (f: Handler) => (h.headers = f) },
  });
  return { session: s, h };
}
const event = (url = '') => ({ url, preventDefault: vi.fn() });

function open(settings: Record<string, unknown> = {}, dev = false, mayClose = () => false) {
  const { session, h } = fakeSession();
  const win = createKioskWindow({
    BrowserWindow: FakeWindow as never,
    session: session as never,
    plan: planKiosk(parseSettings(settings)),
    dev,
    log: silentLogger,
    preloadPath: '/app/dist/main/electron/preload.cjs',
    branding: { title: 'Wachtwoord vergeten', backgroundColor: '#ffffff' },
    mayClose,
  }) as unknown as FakeWindow;
  return { win, wc: win.webContents, session, h };
}

afterEach(() => vi.useRealTimers());

describe('kiosk window', () => {
  it('is a locked, isolated, sandboxed kiosk with the preload in local mode', () => {
    const { win } = open();
    const o = win.options;
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, alwaysOnTop: true, closable: false, frame: false });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
      navigateOnDragDrop: false,
      preload: '/app/dist/main/electron/preload.cjs',
    });
    expect(win.removeMenu).toHaveBeenCalled();
    expect(win.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('central mode: the service URL, no preload; --dev: windowed with devtools', () => {
    const central = open({ mode: 'central', centralUrl: 'https://reset.zorg.example/', caFile: 'ca.pem' });
    expect(central.win.options.webPreferences.preload).toBeUndefined();
    expect(central.win.loadURL).toHaveBeenCalledWith('https://reset.zorg.example/');
    const dev = open({}, true);
    expect(dev.win.options).toMatchObject({ kiosk: false, fullscreen: false, closable: true });
    expect(dev.win.options.webPreferences.devTools).toBe(true);
  });

  it('refuses navigation, redirects, windows and webviews away from the origin', () => {
    const { wc } = open();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = event('https://evil.example/');
      wc.emit(name, away);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const home = event('app://kiosk/index.html');
      wc.emit(name, home);
      expect(home.preventDefault, name).not.toHaveBeenCalled();
    }
    expect(wc.openHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    const webview = event();
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('blocks shortcuts, resets zoom, and keeps the window open unless main quits', () => {
    let quitting = false;
    const { win, wc } = open({}, false, () => quitting);
    const e = event();
    wc.emit('before-input-event', e, {
      type: 'keyDown',
      key: 'F5',
      control: false,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(e.preventDefault).toHaveBeenCalled();
    wc.emit('zoom-changed');
    expect(wc.setZoomLevel).toHaveBeenCalledWith(0);
    expect(wc.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    const close = event();
    win.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    quitting = true;
    const close2 = event();
    win.emit('close', close2);
    expect(close2.preventDefault).not.toHaveBeenCalled();
  });

  it('session: permissions denied, downloads cancelled, foreign requests cancelled, CSP added, no TLS in local mode', () => {
    const { session, h } = open();
    const granted = vi.fn();
    h.request!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(h.check!({}, 'clipboard-read')).toBe(false);
    expect(h.device!({})).toBe(false);
    const dl = event();
    session.emit('will-download', dl, {});
    expect(dl.preventDefault).toHaveBeenCalled();
    const cb = vi.fn();
    h.before!({ url: 'https://tracker.example/x.js' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
    h.before!({ url: 'app://kiosk/assets/a.js' }, cb);
    expect(cb).toHaveBeenLastCalledWith({ cancel: false });
    const withHeaders = vi.fn<(answer: { responseHeaders: Record<string, string[]> }) => void>();
    h.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, withHeaders);
    expect(withHeaders.mock.lastCall![0].responseHeaders['Content-Security-Policy']).toBe(KIOSK_CSP);
    h.cert!({ hostname: 'reset.zorg.example', certificate: { data: 'x' } }, cb);
    expect(cb).toHaveBeenLastCalledWith(-2);
  });

  it('a crashed or hung renderer comes back on the start screen', () => {
    vi.useFakeTimers();
    const { win, wc } = open();
    win.loadURL.mockClear();
    win.emit('unresponsive');
    expect(wc.forcefullyCrashRenderer).toHaveBeenCalled();
    wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    vi.advanceTimersByTime(1000);
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('hardens any other webContents that appears', () => {
    const app = new EventEmitter();
    setupContentsHardening(app, 'app://kiosk', false, silentLogger, () => undefined);
    const other = new FakeContents();
    other.getType = () => 'webview';
    app.emit('web-contents-created', {}, other);
    expect(other.openHandler?.({})).toEqual({ action: 'deny' });
  });

  it('guard decision by id: only the kiosk window itself is skipped, a popup (type "window") is not', () => {
    expect(hardensContents(7, 7)).toBe(false);
    expect(hardensContents(8, 7)).toBe(true);
    expect(hardensContents(7, undefined)).toBe(true); // the kiosk window not created yet: harden (idempotent)
  });

  it('hardens a popup BrowserWindow that slipped through, but not the kiosk window again', () => {
    const app = new EventEmitter();
    const { wc } = open();
    setupContentsHardening(app, 'app://kiosk', false, silentLogger, () => wc.id);
    const popup = new FakeContents(); // getType() === 'window', like any BrowserWindow's contents
    app.emit('web-contents-created', {}, popup);
    expect(popup.openHandler?.({})).toEqual({ action: 'deny' });
    const away = event('https://evil.example/');
    popup.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const before = wc.listenerCount('will-navigate');
    app.emit('web-contents-created', {}, wc);
    expect(wc.listenerCount('will-navigate')).toBe(before);
  });

  it('hardening is idempotent (the guard can see the kiosk contents before createKioskWindow does)', () => {
    const wc = new FakeContents();
    hardenWebContents(wc as never, 'app://kiosk', false, silentLogger);
    hardenWebContents(wc as never, 'app://kiosk', false, silentLogger);
    expect(wc.listenerCount('will-navigate')).toBe(1);
    expect(wc.setVisualZoomLevelLimits).toHaveBeenCalledTimes(1);
  });
});
