// When the kiosk wipes itself: after `idleSeconds` without input (DESIGN: 90 s; `codeIdleSeconds` while the
// wizard waits for a code), `doneSeconds` after the wizard succeeded, and at once when the person chose to leave
// (Annuleren on the first step, the success screen's button). Pure with injected clock and timers; main wires it
// to powerMonitor, the wizard's signals (wizard-signal.ts) and the window.
// In the logon-screen setup the "wipe" is a Windows logoff, which also wipes everything.
import type { KioskSignal } from '../../core/kiosk-signal.js';

export type Timers = {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type EndReason = 'idle' | 'done' | 'left';

export type LifecycleOptions = {
  idleSeconds: number;
  /** The idle limit while the wizard waits for a code (config/runtime.ts: kioskTimings, or centralKioskTimings). */
  codeIdleSeconds?: number | undefined;
  doneSeconds: number;
  /** Seconds since the last keyboard, mouse or touch input (powerMonitor.getSystemIdleTime). */
  systemIdleSeconds: () => number;
  onEnd: (reason: EndReason) => void;
  pollMs?: number;
  timers?: Timers;
};

/**
 * Seconds without input: the fewer of the system's count (powerMonitor.getSystemIdleTime: keyboard, mouse, touch
 * anywhere) and the kiosk window's own (its 'input-event's). Real input reaches both, so this is the system's
 * count on a ward PC; input a test harness sends over DevTools reaches only the window, and a session without
 * an input desktop (a CI runner's) reports the machine's idle time since boot.
 */
export function idleSeconds(systemSeconds: number, lastWindowInputMs: number, nowMs: number): number {
  return Math.min(systemSeconds, Math.max(0, (nowMs - lastWindowInputMs) / 1000));
}

export class KioskLifecycle {
  private poll: unknown;
  private done: unknown;
  private firedThisIdle = false;
  private atCodeStep = false;
  private readonly timers: Timers;

  constructor(private readonly opts: LifecycleOptions) {
    this.timers = opts.timers ?? globalThis;
  }

  start(): void {
    this.poll = this.timers.setInterval(() => this.check(), this.opts.pollMs ?? 5000);
  }

  /** One end per idle stretch: a kiosk left alone is wiped once, not every poll. */
  check(): void {
    const idle = this.opts.systemIdleSeconds();
    const limit = this.atCodeStep ? (this.opts.codeIdleSeconds ?? this.opts.idleSeconds) : this.opts.idleSeconds;
    if (idle < limit) {
      this.firedThisIdle = false;
      return;
    }
    if (this.firedThisIdle) return;
    this.firedThisIdle = true;
    this.end('idle');
  }

  /** Where the wizard is (wizard-signal.ts). */
  wizard(signal: KioskSignal): void {
    if (signal === 'step/code' || signal === 'step/other') this.atCodeStep = signal === 'step/code';
    else if (signal === 'end/done') this.wizardDone();
    else this.end('left');
  }

  /** The wizard reported success: leave the done screen up for doneSeconds, then end. */
  wizardDone(): void {
    if (this.done) this.timers.clearTimeout(this.done);
    this.done = this.timers.setTimeout(() => this.end('done'), this.opts.doneSeconds * 1000);
  }

  stop(): void {
    if (this.poll) this.timers.clearInterval(this.poll);
    if (this.done) this.timers.clearTimeout(this.done);
    this.poll = this.done = undefined;
  }

  private end(reason: EndReason): void {
    if (this.done) this.timers.clearTimeout(this.done);
    this.done = undefined;
    this.atCodeStep = false;
    this.opts.onEnd(reason);
  }
}
