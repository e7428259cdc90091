// Electron main: a list of setupX() calls (electron/fiddle), each in its own module. One of the three files that
// import electron at run time (with preload/preload.ts and start/settings-store.ts; a lint rule keeps it so). Checks
// who started it, reads the kiosk settings, sets up the chosen mode once and opens the one hardened window.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  type Session,
} from 'electron';
import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Logger } from '../core/ports/log.js';
import { centralKioskTimings } from '../config/runtime.js';
import { createLogger } from '../log.js';
import type { KioskSettingsData } from '../settings/schema.js';
import { parseKioskArgs } from './start/args.js';
import { enforcesTrust, hostTrustDeps, trustCheck } from './trust/file-trust.js';
import { idleSeconds, type KioskLifecycle } from './session/lifecycle.js';
import { setupLocalMode, type LocalMode } from './local/local-mode.js';
import { MACHINE_SECRET_FILE, MACHINE_SECRET_READER, unprotectWith } from './local/machine-secret.js';
import { passGate } from './session/kiosk-account.js';
import { runLogoff, shouldLogoff } from './session/logoff.js';
import { planKiosk, type KioskPlan } from './start/modes.js';
import { setupOfflinePage } from './central/offline.js';
import { loadOfflineTexts } from './central/offline-text.js';
import { builtPaths, settingsDir, windowsDir } from './start/paths.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './window/protocol.js';
import { kioskSession, wipeWindow } from './session/kiosk-session.js';
import { startUrlAfter } from './session/session-end.js';
import { watchWizardSignals } from './session/wizard-signal.js';
import { ElectronStoreSettings } from './start/settings-store.js';
import { createKioskWindow, setupContentsHardening } from './window/window.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseKioskArgs(process.argv, app.isPackaged);
/** What decides where settings come from: an installed kiosk ignores the environment for that (paths.ts). */
const host = { platform: process.platform, isPackaged: app.isPackaged, env: process.env };
const logoff = () => runLogoff(process.platform, windowsDir(host));

/** What the setup steps share, in one place. */
const kiosk = {
  win: undefined as BrowserWindow | undefined,
  /** Read once: a destroyed window's webContents must not be touched. */
  contentsId: undefined as number | undefined,
  /** The window may close (a logoff or quit is under way). */
  quitting: false,
  /** Until its settings are read and trusted: only the kiosk account's session, never anyone else's (kiosk-account.ts). */
  logoffOnFailure: false,
  /** The last keyboard, mouse or touch input the window saw (lifecycle.ts idleSeconds). */
  lastInput: Date.now(),
};

/** Before ready: sandbox every renderer (#4) and make app:// a secure standard scheme (#18). */
function setupBeforeReady(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

function setupLogger(): Logger {
  if (args.dev) return createLogger();
  return createLogger({
    destination: pino.destination({ dest: join(app.getPath('logs'), 'kiosk.log'), mkdir: true, sync: false }),
  });
}

/** An in-memory session (no "persist:" prefix) whose user agent names this kiosk to the central service. */
function setupSession(kioskId: string): Session {
  Menu.setApplicationMenu(null);
  const ses = session.fromPartition('kiosk');
  ses.setUserAgent(`${ses.getUserAgent()} reset-kiosk/${kioskId}`);
  return ses;
}

function setupLifecycle(
  settings: KioskSettingsData,
  plan: KioskPlan,
  ses: Session,
  local: LocalMode | undefined,
  log: Logger,
): KioskLifecycle {
  return kioskSession({
    timings: local?.timings ?? centralKioskTimings(settings),
    systemIdleSeconds: () => idleSeconds(powerMonitor.getSystemIdleTime(), kiosk.lastInput, Date.now()),
    cancelActive: local && (() => local.cancelActive()),
    logoff: kiosk.logoffOnFailure,
    runLogoff: logoff,
    setQuitting: (q) => void (kiosk.quitting = q),
    wipe: (why) => wipeWindow(ses, kiosk.win, startUrlAfter(plan.startUrl, why)),
    log,
  });
}

function setupWindow(
  settings: KioskSettingsData,
  plan: KioskPlan,
  ses: Session,
  lifecycle: KioskLifecycle,
  log: Logger,
): void {
  kiosk.win = createKioskWindow({
    BrowserWindow,
    session: ses,
    plan,
    dev: args.dev,
    log,
    preloadPath: builtPaths(here).preload,
    branding: settings.branding,
    caPem: plan.mode === 'central' ? readFileSync(plan.caFile, 'utf8') : undefined,
    mayClose: () => kiosk.quitting || args.dev,
  });
  kiosk.contentsId = kiosk.win.webContents.id;
  kiosk.win.webContents.on('input-event', () => void (kiosk.lastInput = Date.now()));
  // Code step, success, leaving: the wizard's in-page signals, from this window and its origin only (both modes).
  watchWizardSignals(kiosk.win.webContents, plan.allowedOrigin, (signal) => lifecycle.wizard(signal));
  if (plan.mode === 'central') {
    const info = {
      retryUrl: plan.startUrl,
      servicedesk: settings.servicedesk,
      texts: loadOfflineTexts(builtPaths(here).renderer),
    };
    setupOfflinePage({ ses, contents: kiosk.win.webContents, info, log });
  }
  if (args.dev) kiosk.win.webContents.openDevTools({ mode: 'detach' });
}

function setupQuit(lifecycle: KioskLifecycle, local: LocalMode | undefined): void {
  app.on('before-quit', () => {
    kiosk.quitting = true;
    lifecycle.stop();
    void local?.close();
  });
  // Only reachable when main itself quits (the window refuses to close otherwise): end the session too.
  app.on('window-all-closed', () => {
    if (kiosk.logoffOnFailure) void logoff().finally(() => app.quit());
    else app.quit();
  });
}

async function start(log: Logger): Promise<void> {
  // Settings, config and CA files the kiosk account could change are refused (file-trust.ts).
  const trust = trustCheck(hostTrustDeps(host, app.getPath('userData'), process.getuid?.()), enforcesTrust(host), log);
  const dir = settingsDir(host, app.getPath('userData'));
  await trust(join(dir, 'kiosk.json'), 'the kiosk settings', app.isPackaged); // an installed kiosk needs the admin's file
  const settings: KioskSettingsData = new ElectronStoreSettings(dir).read();
  const plan = planKiosk(settings);
  if (plan.mode === 'central') await trust(plan.caFile, 'the pinned CA file', true);
  const kioskId =
    settings.kioskId ??
    hostname()
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .slice(0, 64);
  kiosk.logoffOnFailure = shouldLogoff(settings, userInfo().username, args.dev);
  const ses = setupSession(kioskId);
  setupContentsHardening(app, plan.allowedOrigin, args.dev, log, () => kiosk.contentsId);
  const local =
    plan.mode === 'local'
      ? await setupLocalMode({
          settings,
          kioskId,
          log,
          ses,
          ipcMain,
          safeStorage,
          configPath: args.config ?? settings.configFile,
          rendererDir: builtPaths(here).renderer,
          settingsDir: dir,
          userData: app.getPath('userData'),
          kiosk: () => kiosk.win?.webContents,
          isPackaged: app.isPackaged,
          trustFile: trust,
          // install.ps1's DPAPI machine-scope copy (resources/windows/directory-secret.ps1), read by its helper.
          ...(app.isPackaged && process.platform === 'win32'
            ? {
                machineSecret: {
                  file: join(dir, MACHINE_SECRET_FILE),
                  unprotect: unprotectWith(join(process.resourcesPath, 'machine-secret', MACHINE_SECRET_READER)),
                },
              }
            : {}),
        })
      : undefined;
  const lifecycle = setupLifecycle(settings, plan, ses, local, log);
  setupWindow(settings, plan, ses, lifecycle, log);
  setupQuit(lifecycle, local);
  lifecycle.start();
  log.info({ mode: plan.mode, kioskId, dev: args.dev, logoff: kiosk.logoffOnFailure, settings: dir }, 'kiosk started');
}

setupBeforeReady();
if (!app.requestSingleInstanceLock()) {
  app.quit(); // a second launch only focuses the first kiosk
} else {
  const log = setupLogger();
  app.on('second-instance', () => kiosk.win?.focus());
  app
    .whenReady()
    .then(async () => {
      // Installed, only the kiosk account runs it: anyone else is told so and the app quits, session untouched.
      const facts = {
        platform: process.platform,
        isPackaged: app.isPackaged,
        dev: args.dev,
        username: userInfo().username,
      };
      const gate = await passGate({
        facts,
        windowsDir: windowsDir(host),
        showMessage: (box) => dialog.showMessageBox(box),
        log,
      });
      if (!gate.run) return app.quit();
      kiosk.logoffOnFailure = gate.logoffOnFailure;
      await start(log);
    })
    .catch(async (e: unknown) => {
      // A kiosk that cannot start must not sit on a half-drawn window: log, log the session off, exit.
      log.error({ err: e instanceof Error ? { name: e.name, message: e.message } : String(e) }, 'kiosk cannot start');
      if (kiosk.logoffOnFailure) await logoff();
      app.exit(1);
    });
}
