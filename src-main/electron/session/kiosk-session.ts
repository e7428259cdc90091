// The kiosk's session end, put together once: the lifecycle decides when (idle, success, leaving), the ender does it
// (cancel the core session, log off or wipe). main.ts builds it with Electron's pieces; the Chromium stand-in
// (test/e2e/support/kiosk-main.ts) builds the same with a manual clock.
import type { Session } from 'electron';
import type { KioskTimings } from '../../config/runtime.js';
import { KioskLifecycle, type EndReason, type Timers } from './lifecycle.js';
import { sessionEnder, staysInDocument, type SessionEndDeps } from './session-end.js';

export type KioskSessionDeps = SessionEndDeps & {
  timings: KioskTimings;
  /** Seconds without input (lifecycle.ts idleSeconds over powerMonitor and the window). */
  systemIdleSeconds: () => number;
  timers?: Timers | undefined;
};

export function kioskSession(d: KioskSessionDeps): KioskLifecycle {
  const end = sessionEnder(d);
  return new KioskLifecycle({
    ...d.timings,
    systemIdleSeconds: d.systemIdleSeconds,
    timers: d.timers,
    onEnd: (reason: EndReason) =>
      void end(reason).catch((e: unknown) => d.log.error({ err: String(e) }, 'wipe failed')),
  });
}

type KioskWindow = {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  webContents: { getURL(): string; reload(): void };
};

/** The wipe: storage and cache cleared, then the start screen as a new document (a fragment change alone reloads nothing). */
export async function wipeWindow(
  ses: Pick<Session, 'clearStorageData' | 'clearCache'>,
  win: KioskWindow | undefined,
  url: string,
): Promise<void> {
  await ses.clearStorageData();
  await ses.clearCache();
  if (!win || win.isDestroyed()) return;
  const inPlace = staysInDocument(win.webContents.getURL(), url);
  await win.loadURL(url);
  if (inPlace) win.webContents.reload();
}
