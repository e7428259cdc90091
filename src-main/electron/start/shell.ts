// The kiosk's one window and the session around it, once the mode is set up (main.ts calls these in order): the
// lifecycle that wipes and ends the session, the hardened window with the wizard's in-page signals, and what quitting
// does. Electron's objects come from main.ts, the only main-process file that loads Electron at run time.
import type { App, BrowserWindow, PowerMonitor, Session } from 'electron';
import { readFileSync } from 'node:fs';
import type { Logger } from '../../core/ports/log.js';
import { centralKioskTimings } from '../../config/runtime.js';
import type { KioskSettingsData } from '../../settings/schema.js';
import { setupOfflinePage } from '../central/offline.js';
import { loadOfflineTexts } from '../central/offline-text.js';
import type { LocalMode } from '../local/local-mode.js';
import { kioskSession, wipeWindow } from '../session/kiosk-session.js';
import { idleSeconds, type KioskLifecycle } from '../session/lifecycle.js';
import { startUrlAfter } from '../session/session-end.js';
import { watchWizardSignals } from '../session/wizard-signal.js';
import { createKioskWindow } from '../window/window.js';
import type { KioskPlan } from './modes.js';

/** What the setup steps share, in one place. */
export type KioskState = {
  win: BrowserWindow | undefined;
  /** Read once: a destroyed window's webContents must not be touched. */
  contentsId: number | undefined;
  /** The window may close (a logoff or quit is under way). */
  quitting: boolean;
  /** Until its settings are read and trusted: only the kiosk account's session, never anyone else's (kiosk-account.ts). */
  logoffOnFailure: boolean;
  /** The last keyboard, mouse or touch input the window saw (lifecycle.ts idleSeconds). */
  lastInput: number;
};

export type Shell = {
  kiosk: KioskState;
  settings: KioskSettingsData;
  plan: KioskPlan;
  ses: Session;
  local: LocalMode | undefined;
  log: Logger;
  logoff: () => Promise<boolean>;
};

export function setupLifecycle(s: Shell, powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime'>): KioskLifecycle {
  const { kiosk, local } = s;
  return kioskSession({
    timings: local?.timings ?? centralKioskTimings(s.settings),
    systemIdleSeconds: () => idleSeconds(powerMonitor.getSystemIdleTime(), kiosk.lastInput, Date.now()),
    cancelActive: local && (() => local.cancelActive()),
    logoff: kiosk.logoffOnFailure,
    runLogoff: s.logoff,
    setQuitting: (q) => void (kiosk.quitting = q),
    wipe: (why) => wipeWindow(s.ses, kiosk.win, startUrlAfter(s.plan.startUrl, why)),
    log: s.log,
  });
}

export type WindowParts = {
  BrowserWindow: typeof BrowserWindow;
  dev: boolean;
  paths: { renderer: string; preload: string };
};

export function setupWindow(s: Shell, lifecycle: KioskLifecycle, w: WindowParts): void {
  const { kiosk, plan, settings } = s;
  const win = createKioskWindow({
    BrowserWindow: w.BrowserWindow,
    session: s.ses,
    plan,
    dev: w.dev,
    log: s.log,
    preloadPath: w.paths.preload,
    branding: settings.branding,
    caPem: plan.mode === 'central' ? readFileSync(plan.caFile, 'utf8') : undefined,
    mayClose: () => kiosk.quitting || w.dev,
  });
  kiosk.win = win;
  kiosk.contentsId = win.webContents.id;
  win.webContents.on('input-event', () => void (kiosk.lastInput = Date.now()));
  // Code step, success, leaving: the wizard's in-page signals, from this window and its origin only (both modes).
  watchWizardSignals(win.webContents, plan.allowedOrigin, (signal) => lifecycle.wizard(signal));
  if (plan.mode === 'central') {
    const info = {
      retryUrl: plan.startUrl,
      servicedesk: settings.servicedesk,
      texts: loadOfflineTexts(w.paths.renderer),
    };
    setupOfflinePage({ ses: s.ses, contents: win.webContents, info, log: s.log });
  }
  if (w.dev) win.webContents.openDevTools({ mode: 'detach' });
}

export function setupQuit(s: Shell, lifecycle: KioskLifecycle, app: Pick<App, 'on' | 'quit'>): void {
  app.on('before-quit', () => {
    s.kiosk.quitting = true;
    lifecycle.stop();
    void s.local?.close();
  });
  // Only reachable when main itself quits (the window refuses to close otherwise): end the session too.
  app.on('window-all-closed', () => {
    if (s.kiosk.logoffOnFailure) void s.logoff().finally(() => app.quit());
    else app.quit();
  });
}
