// Electron main: the only module that imports electron at runtime. Reads the kiosk settings, sets up the
// chosen mode once (setupX pattern of electron/fiddle) and opens the one hardened window (window.ts).
import { app, BrowserWindow, ipcMain, Menu, powerMonitor, protocol, safeStorage, session } from 'electron';
import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createLogger } from '../log.js';
import type { Logger } from '../core/ports/log.js';
import { ElectronStoreSettings } from './settings-store.js';
import type { KioskSettingsData } from '../settings/schema.js';
import { parseKioskArgs } from './args.js';
import { KioskLifecycle, type EndReason } from './lifecycle.js';
import { runLogoff, shouldLogoff } from './logoff.js';
import { planKiosk, type KioskPlan } from './modes.js';
import { builtPaths, settingsDir } from './paths.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol.js';
import { setupLocalMode, type LocalMode } from './local-mode.js';
import { createKioskWindow, setupWebContentsGuard } from './window.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseKioskArgs(process.argv, app.isPackaged);

// Before ready: sandbox every renderer (#4) and make app:// a secure standard scheme (#18).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let win: BrowserWindow | undefined;
let kioskContentsId: number | undefined; // read once: a destroyed window's webContents must not be touched
let quitting = false;
// Until the settings say otherwise: a kiosk that cannot start logs off only the default kiosk account.
let logoffOnFailure = shouldLogoff({ logoffOnExit: true, kioskAccount: 'Wachtwoord vergeten' }, userInfo().username, args.dev);

function logger(): Logger {
  if (args.dev) return createLogger();
  return createLogger({ destination: pino.destination({ dest: join(app.getPath('logs'), 'kiosk.log'), mkdir: true, sync: false }) });
}

async function start(log: Logger): Promise<void> {
  const dir = settingsDir(process.platform, process.env, app.getPath('userData'));
  const settings: KioskSettingsData = new ElectronStoreSettings(dir).read();
  const plan: KioskPlan = planKiosk(settings);
  const kioskId = settings.kioskId ?? hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64);
  Menu.setApplicationMenu(null);
  setupWebContentsGuard(app, plan.allowedOrigin, args.dev, log, () => kioskContentsId);
  const ses = session.fromPartition('kiosk'); // no "persist:" prefix: in memory only
  ses.setUserAgent(`${ses.getUserAgent()} reset-kiosk/${kioskId}`);

  let local: LocalMode | undefined;
  if (plan.mode === 'local') {
    local = await setupLocalMode({
      settings, kioskId, log, ses, ipcMain, safeStorage,
      configPath: args.config ?? settings.configFile,
      rendererDir: builtPaths(here).renderer,
      settingsDir: dir,
      userData: app.getPath('userData'),
      kiosk: () => win?.webContents,
      onDone: () => lifecycle.wizardDone(),
    });
  }

  const logoff = shouldLogoff(settings, userInfo().username, args.dev);
  logoffOnFailure = logoff;
  const end = async (reason: EndReason) => {
    log.info({ reason }, 'wizard ended: wiping');
    await local?.cancelActive();
    if (logoff) {
      quitting = true;
      if (await runLogoff(process.platform, process.env)) return;
      quitting = false;
      log.error({}, 'logoff failed: wiping instead');
    }
    await ses.clearStorageData();
    await ses.clearCache();
    if (win && !win.isDestroyed()) await win.loadURL(plan.startUrl);
  };
  const lifecycle = new KioskLifecycle({
    idleSeconds: settings.idleSeconds,
    doneSeconds: settings.doneSeconds,
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
    onEnd: (reason) => void end(reason).catch((e: unknown) => log.error({ err: String(e) }, 'wipe failed')),
  });

  win = createKioskWindow({
    BrowserWindow, session: ses, plan, dev: args.dev, log,
    preloadPath: builtPaths(here).preload,
    branding: settings.branding,
    caPem: plan.mode === 'central' ? readFileSync(plan.caFile, 'utf8') : undefined,
    mayClose: () => quitting || args.dev,
  });
  kioskContentsId = win.webContents.id;
  if (args.dev) win.webContents.openDevTools({ mode: 'detach' });
  lifecycle.start();
  app.on('before-quit', () => {
    quitting = true;
    lifecycle.stop();
    void local?.close();
  });
  log.info({ mode: plan.mode, kioskId, dev: args.dev, logoff, settings: dir }, 'kiosk started');
}

if (!app.requestSingleInstanceLock()) {
  app.quit(); // a second launch only focuses the first kiosk
} else {
  const log = logger();
  app.on('second-instance', () => win?.focus());
  app.on('window-all-closed', () => {
    // Only reachable when main itself quits (the window refuses to close otherwise): end the session too.
    if (logoffOnFailure) void runLogoff(process.platform, process.env).finally(() => app.quit());
    else app.quit();
  });
  app
    .whenReady()
    .then(() => start(log))
    .catch(async (e: unknown) => {
      // A kiosk that cannot start must not sit on a half-drawn window: log, log the session off, exit.
      log.error({ err: e instanceof Error ? { name: e.name, message: e.message } : String(e) }, 'kiosk cannot start');
      if (logoffOnFailure) await runLogoff(process.platform, process.env);
      app.exit(1);
    });
}
