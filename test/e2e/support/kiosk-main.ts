// The kiosk's main process, stood in around a Chromium page (Electron cannot run here): what main does with the
// wizard's signals is main's own code — watchWizardSignals, kioskSession (lifecycle and ender), shouldLogoff — and only
// Electron's pieces are replaced. The window's did-navigate-in-page is Playwright's framenavigated of the main frame
// when only the fragment changed (a same-document navigation, which is what Electron reports there); powerMonitor's
// idle time is a number the test sets; the timers are a manual clock, so "after doneSeconds" and "waits
// codeIdleSeconds" are checked to the second without waiting; shutdown.exe /l is a recorded call.
import { EventEmitter } from 'node:events';
import type { Page } from '@playwright/test';
import type { KioskSignal } from '../../../src-main/core/kiosk-signal.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { kioskSession } from '../../../src-main/electron/session/kiosk-session.js';
import type { EndReason, Timers } from '../../../src-main/electron/session/lifecycle.js';
import { shouldLogoff } from '../../../src-main/electron/session/logoff.js';
import { watchWizardSignals } from '../../../src-main/electron/session/wizard-signal.js';
import { originOf } from '../../../src-main/electron/window/navigation.js';

export type KioskTimes = { idleSeconds: number; codeIdleSeconds: number; doneSeconds: number };

type Timer = { at: number; fn: () => void; every?: number };

/** setTimeout/setInterval on a clock that moves only when the test says so. */
function manualClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, Timer>();
  const add = (fn: () => void, ms: number, every?: number) => (timers.set(next, { at: now + ms, fn, every }), next++);
  const api: Timers = {
    setTimeout: (fn, ms) => add(fn, ms),
    setInterval: (fn, ms) => add(fn, ms, ms),
    clearTimeout: (h) => void timers.delete(h as number),
    clearInterval: (h) => void timers.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, t] = due;
      now = t.at;
      if (t.every) t.at += t.every;
      else timers.delete(id);
      t.fn();
    }
    now = end;
  };
  return { api, advance };
}

export type KioskMain = {
  /** What the wizard told main, in order. */
  signals: KioskSignal[];
  /** Why the session ended, each time it did (the lifecycle's reasons: idle, done, left). */
  ends: EndReason[];
  /** How many times main started `shutdown.exe /l`. */
  logoffs: () => number;
  /** Seconds without keyboard, mouse or touch input, as powerMonitor would report them. */
  setIdle(seconds: number): void;
  /** Moves main's clock on (its 5 s idle poll and the done timer run). */
  advance(seconds: number): void;
};

/**
 * Main for a kiosk on the logon screen (logoffOnExit, running as the kiosk account): `origin` is the origin the plan
 * allows — app://kiosk in local mode, the pinned central origin in central mode (here: the web host's).
 */
export function standInMain(page: Page, origin: string, times: KioskTimes): KioskMain {
  const signals: KioskSignal[] = [];
  const ends: EndReason[] = [];
  let logoffs = 0;
  let idle = 0;
  const clock = manualClock();
  const account = 'wwv-e2etest';
  // main.ts's own composition (session/kiosk-session.ts); the reason of each end is what it logs.
  const log = {
    ...silentLogger,
    info: (o: object) => void ('reason' in o && ends.push((o as { reason: EndReason }).reason)),
  };
  const lifecycle = kioskSession({
    timings: times,
    systemIdleSeconds: () => idle,
    timers: clock.api,
    logoff: shouldLogoff({ logoffOnExit: true, kioskAccount: account }, account, false),
    runLogoff: () => Promise.resolve((logoffs++, true)),
    setQuitting: () => {},
    wipe: () => Promise.reject(new Error('a logon-screen kiosk logs off; it does not wipe')),
    log,
  });
  // Electron's webContents: did-navigate-in-page for a same-document navigation of the top frame.
  const contents = new EventEmitter();
  let last = '';
  const withoutFragment = (url: string) => url.replace(/#.*$/, '');
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = frame.url();
    if (last && withoutFragment(url) === withoutFragment(last) && url !== last)
      contents.emit('did-navigate-in-page', {}, url, true);
    last = url;
  });
  watchWizardSignals(contents, originOf(origin) ?? origin, (s) => {
    signals.push(s);
    lifecycle.wizard(s);
  });
  lifecycle.start();
  return {
    signals,
    ends,
    logoffs: () => logoffs,
    setIdle: (seconds) => void (idle = seconds),
    advance: (seconds) => clock.advance(seconds * 1000),
  };
}
