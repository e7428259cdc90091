// All hardening in one place (Signal-Desktop's hardenWindow; the Electron security checklist, numbers in
// comments). The kiosk window is created only here; every other webContents gets hardenWebContents too
// (main.ts, app 'web-contents-created'). Electron objects come in as parameters: this module never imports
// electron at runtime, and its decisions live in pure modules the unit tests cover.
import type { BrowserWindow as BrowserWindowClass, Session, WebContents } from 'electron';
import type { Logger } from '../../core/ports/log.js';
import { certificateDecision } from './cert.js';
import { withCsp } from './csp.js';
import type { KioskPlan } from '../start/modes.js';
import { isAllowedNavigation, isAllowedRequest, windowOpenDecision } from './navigation.js';
import { isPermissionAllowed } from './permissions.js';
import { nextRecovery } from './recovery.js';
import { isBlockedShortcut } from './shortcuts.js';

export type KioskWindowOptions = {
  BrowserWindow: typeof BrowserWindowClass;
  session: Session;
  plan: KioskPlan;
  dev: boolean;
  preloadPath: string;
  branding: { title: string; backgroundColor: string };
  /** Central mode: the pinned CA (PEM) for plan.pinHost. */
  caPem?: string | undefined;
  /** False until main decides to quit (logoff or admin exit): Alt+F4 and window.close() do nothing. */
  mayClose: () => boolean;
  log: Logger;
};

// Hardened once each: 'web-contents-created' fires inside the BrowserWindow constructor, before main knows the
// kiosk window's id, so the hardening may reach the kiosk's contents before createKioskWindow does.
const hardened = new WeakSet<WebContents>();

/** Navigation, new windows, webviews, shortcuts, zoom, devtools: for the kiosk window and any other contents. */
export function hardenWebContents(contents: WebContents, allowedOrigin: string, dev: boolean, log: Logger): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const refuseForeign = (e: { url: string; preventDefault(): void }, what: string) => {
    if (isAllowedNavigation(e.url, allowedOrigin)) return;
    e.preventDefault();
    log.warn({ what, origin: allowedOrigin }, 'navigation away from the kiosk origin refused');
  };
  contents.on('will-navigate', (e) => refuseForeign(e, 'will-navigate')); // #13
  contents.on('will-frame-navigate', (e) => refuseForeign(e, 'will-frame-navigate'));
  contents.on('will-redirect', (e) => refuseForeign(e, 'will-redirect'));
  contents.setWindowOpenHandler(windowOpenDecision); // #14, #15: no windows, no openExternal
  contents.on('will-attach-webview', (e) => e.preventDefault()); // #12 (webviewTag is off as well)
  contents.on('before-input-event', (e, input) => {
    if (isBlockedShortcut(input, dev)) e.preventDefault();
  });
  contents.on('zoom-changed', () => contents.setZoomLevel(0)); // Ctrl+wheel, pinch: the layout stays usable
  void contents.setVisualZoomLevelLimits(1, 1);
  if (!dev) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** The session the kiosk window uses: an in-memory partition, so a wipe or a logoff leaves nothing on disk. */
function hardenSession(ses: Session, o: KioskWindowOptions): void {
  const { plan, dev } = o;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission))); // #5
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (e) => e.preventDefault()); // no file ever leaves the wizard
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, plan.requestOrigins, dev) }),
  );
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders) }),
  ); // #7
  // #1: only pinned HTTPS to the central service; in local mode the window makes no TLS connection at all.
  const pin = plan.mode === 'central' && o.caPem ? { host: plan.pinHost, caPem: o.caPem } : undefined;
  const verify: Parameters<Session['setCertificateVerifyProc']>[0] = (req, callback) =>
    callback(certificateDecision(req, pin));
  // Marked for electronegativity on the call's own line (the only line it reads): this proc pins one CA and never
  // opts out of Chromium's verification (cert.ts, test/unit/electron/window/cert.test.ts).
  ses.setCertificateVerifyProc(verify); /* eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK */
}

export function createKioskWindow(o: KioskWindowOptions): BrowserWindowClass {
  const { plan, dev, BrowserWindow } = o; // a plain `new BrowserWindow(...)`, so electronegativity reads the options
  hardenSession(o.session, o);
  const win = new BrowserWindow({
    show: false,
    title: o.branding.title,
    backgroundColor: o.branding.backgroundColor,
    kiosk: !dev,
    fullscreen: !dev,
    alwaysOnTop: !dev,
    frame: dev,
    resizable: dev,
    movable: dev,
    minimizable: dev,
    maximizable: dev,
    closable: dev,
    skipTaskbar: !dev,
    width: 1024,
    height: 768,
    autoHideMenuBar: true,
    webPreferences: {
      session: o.session,
      ...(plan.usePreload ? { preload: o.preloadPath } : {}), // central mode: no preload, no IPC at all
      contextIsolation: true, // #3
      sandbox: true, // #4
      nodeIntegration: false, // #2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false, // #12
      webSecurity: true, // #6
      allowRunningInsecureContent: false, // #8
      experimentalFeatures: false, // #9
      disableBlinkFeatures: 'Auxclick', // #10 spirit: middle-click cannot open anything
      navigateOnDragDrop: false, // a dropped file or link cannot replace the wizard
      spellcheck: false, // Chromium's Linux dictionaries download from the internet; passwords are not words
      disableDialogs: true, // alert/confirm/prompt would block the wizard
      devTools: dev,
      autoplayPolicy: 'document-user-activation-required',
    },
  });
  win.removeMenu(); // no menu: no reload/devtools/zoom accelerators
  if (!dev) win.setAlwaysOnTop(true, 'screen-saver');
  win.on('close', (e) => {
    if (!o.mayClose()) e.preventDefault(); // Alt+F4 and window.close() do not end the kiosk
  });
  hardenWebContents(win.webContents, plan.allowedOrigin, dev, o.log);

  // Crash or hang → back to the start screen, with a backoff (recovery.ts).
  let crashes: number[] = [];
  const recover = (why: string) => {
    const r = nextRecovery(crashes, Date.now());
    crashes = r.history;
    o.log.warn({ why, delayMs: r.delayMs }, 'renderer lost: reloading the start screen');
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(plan.startUrl);
    }, r.delayMs);
  };
  win.webContents.on('render-process-gone', (_e, details) => recover(details.reason));
  win.on('unresponsive', () => win.webContents.forcefullyCrashRenderer()); // → render-process-gone → recover
  win.once('ready-to-show', () => win.show());
  void win.loadURL(plan.startUrl);
  return win;
}

/**
 * Whether the hardening covers a new webContents: every one but the kiosk window's own (createKioskWindow hardens
 * that). By id, not by getType(): a popup that slipped through is a 'window' too, the very case to cover.
 */
export function hardensContents(contentsId: number, kioskContentsId: number | undefined): boolean {
  return contentsId !== kioskContentsId;
}

/** Any webContents other than the kiosk window's (a popup that slipped through, a devtools host): same rules. */
export function setupContentsHardening(
  app: { on(event: 'web-contents-created', listener: (e: unknown, contents: WebContents) => void): unknown },
  allowedOrigin: string,
  dev: boolean,
  log: Logger,
  kioskContentsId: () => number | undefined,
): void {
  app.on('web-contents-created', (_e, contents) => {
    if (hardensContents(contents.id, kioskContentsId())) hardenWebContents(contents, allowedOrigin, dev, log);
  });
}
