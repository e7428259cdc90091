// Starts the built kiosk (dist/, `npm run build`) in a real Electron with Playwright's _electron: unpackaged, so
// RESET_KIOSK_SETTINGS_DIR points it at a fresh kiosk.json of the test's own (0600 in a 0700 folder, which the
// kiosk's own trust check accepts) and RESET_KIOSK_OUTBOX at its own demo SMS outbox. Never --dev: the window is the
// locked-down kiosk. The kiosk account is the default "Wachtwoord vergeten", so a CI runner is never logged off.
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kiosk } from '../../e2e/support/kiosk.js';
import { Outbox } from '../../e2e/support/outbox.js';
import { ROOT } from '../find-electron.mjs';

/** The page globals the specs touch, typed here because the tests compile without the DOM library. */
export type PageGlobals = {
  resetKiosk: Record<string, unknown>;
  location: { href: string };
  open(url: string, target?: string): unknown;
  close(): void;
  addEventListener(type: 'keydown', listener: (e: { key: string; ctrlKey: boolean }) => void, capture?: boolean): void;
  document: { createElement(tag: 'script'): { textContent: string }; head: { append(node: unknown): void } };
};

export type KioskApp = { app: ElectronApplication; page: Page; kiosk: Kiosk; dir: string; close(): Promise<void> };

export async function launchKiosk(settings: Record<string, unknown> = {}): Promise<KioskApp> {
  const executablePath = process.env.RK_ELECTRON_BINARY;
  if (!executablePath)
    throw new Error('RK_ELECTRON_BINARY is not set: run these tests with `npm run test:electron-app`');
  const dir = mkdtempSync(join(tmpdir(), 'rk-electron-app-'));
  const settingsDir = join(dir, 'settings');
  mkdirSync(settingsDir, { mode: 0o700 });
  writeFileSync(join(settingsDir, 'kiosk.json'), JSON.stringify(settings), { mode: 0o600 });
  const outbox = join(dir, 'outbox.jsonl');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  Object.assign(env, { RESET_KIOSK_SETTINGS_DIR: settingsDir, RESET_KIOSK_OUTBOX: outbox });
  const app = await electron.launch({ executablePath, args: [ROOT], env, timeout: 60_000 });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    kiosk: new Kiosk(page, new Outbox(outbox)),
    dir,
    async close() {
      await app.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Facts about the one kiosk window, from the main process. */
export function windowState(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow, Menu }) => {
    const all = BrowserWindow.getAllWindows();
    const w = all[0]!;
    const wc = w.webContents;
    return {
      windows: all.length,
      kiosk: w.isKiosk(),
      fullScreen: w.isFullScreen(),
      alwaysOnTop: w.isAlwaysOnTop(),
      closable: w.isClosable(),
      menu: Menu.getApplicationMenu() !== null || w.isMenuBarVisible(),
      url: wc.getURL(),
      crashed: wc.isCrashed(),
      devToolsOpened: wc.isDevToolsOpened(),
      zoom: wc.getZoomLevel(),
    };
  });
}

/** Runs a script in the kiosk page from main (works across a renderer crash, where Playwright's page may not). */
export function inPage<T>(app: ElectronApplication, script: string): Promise<T> {
  return app.evaluate(
    ({ BrowserWindow }, s) => BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScript(s),
    script,
  ) as Promise<T>;
}
