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
import { hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Logger } from '../core/ports/log.js';
import { createLogger } from '../log.js';
import type { KioskSettingsData } from '../settings/schema.js';
import { parseKioskArgs } from './start/args.js';
import { enforcesTrust, hostTrustDeps, trustCheck } from './trust/file-trust.js';
import { setupLocalMode } from './local/local-mode.js';
import { installedMachineSecret } from './local/machine-secret.js';
import { passGate } from './session/kiosk-account.js';
import { runLogoff, shouldLogoff } from './session/logoff.js';
import { planKiosk } from './start/modes.js';
import { builtPaths, settingsDir, windowsDir } from './start/paths.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './window/protocol.js';
import { ElectronStoreSettings } from './start/settings-store.js';
import { setupContentsHardening } from './window/window.js';
import { setupLifecycle, setupQuit, setupWindow, type KioskState } from './start/shell.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseKioskArgs(process.argv, app.isPackaged);
/** What decides where settings come from: an installed kiosk ignores the environment for that (paths.ts). */
const host = { platform: process.platform, isPackaged: app.isPackaged, env: process.env };
const logoff = () => runLogoff(process.platform, windowsDir(host));

const kiosk: KioskState = {
  win: undefined,
  contentsId: undefined,
  quitting: false,
  logoffOnFailure: false,
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
          ...installedMachineSecret({ ...host, resourcesPath: process.resourcesPath }, dir),
        })
      : undefined;
  const shell = { kiosk, settings, plan, ses, local, log, logoff };
  const lifecycle = setupLifecycle(shell, powerMonitor);
  setupWindow(shell, lifecycle, { BrowserWindow, dev: args.dev, paths: builtPaths(here) });
  setupQuit(shell, lifecycle, app);
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
