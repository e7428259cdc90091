// Idle and end-of-wizard wipes (90 s idle; done screen then start: docs/windows-kiosk.md), crash backoff, and the logoff.
import { describe, expect, it, vi } from 'vitest';
import { idleSeconds, KioskLifecycle, type Timers } from '../../../../src-main/electron/session/lifecycle.js';
import { logoffCommand, runLogoff, shouldLogoff } from '../../../../src-main/electron/session/logoff.js';
import { nextRecovery } from '../../../../src-main/electron/window/recovery.js';

function fakeTimers() {
  const timeouts = new Map<number, () => void>();
  let id = 0;
  const timers: Timers = {
    setInterval: () => ++id,
    clearInterval: () => {},
    setTimeout: (fn) => (timeouts.set(++id, fn), id),
    clearTimeout: (h) => void timeouts.delete(h as number),
  };
  return {
    timers,
    fire: () => [...timeouts.entries()].forEach(([k, fn]) => (timeouts.delete(k), fn())),
    pending: () => timeouts.size,
  };
}

describe('kiosk lifecycle', () => {
  it('idle is the fewer of the system and the window seconds without input', () => {
    expect(idleSeconds(120, 0, 30_000)).toBe(30); // DevTools input reached the window 30 s ago
    expect(idleSeconds(10, 0, 30_000)).toBe(10); // real input reaches the system's count too
    expect(idleSeconds(100_000, 50_000, 40_000)).toBe(0); // a clock step back never gives a negative count
  });

  it('ends once per idle stretch, and again only after new input', () => {
    let idle = 0;
    const onEnd = vi.fn();
    const t = fakeTimers();
    const lc = new KioskLifecycle({
      idleSeconds: 90,
      doneSeconds: 20,
      systemIdleSeconds: () => idle,
      onEnd,
      timers: t.timers,
    });
    lc.start();
    idle = 89;
    lc.check();
    expect(onEnd).not.toHaveBeenCalled();
    idle = 90;
    lc.check();
    idle = 500;
    lc.check();
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledWith('idle');
    idle = 3; // someone touched the screen
    lc.check();
    idle = 95;
    lc.check();
    expect(onEnd).toHaveBeenCalledTimes(2);
  });

  it('waits codeIdleSeconds on the code step, idleSeconds again after it', () => {
    let idle = 0;
    const onEnd = vi.fn();
    const t = fakeTimers();
    const lc = new KioskLifecycle({
      idleSeconds: 90,
      codeIdleSeconds: 300,
      doneSeconds: 20,
      systemIdleSeconds: () => idle,
      onEnd,
      timers: t.timers,
    });
    lc.wizard('step/code');
    idle = 299;
    lc.check();
    expect(onEnd).not.toHaveBeenCalled();
    idle = 300;
    lc.check();
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('idle');
    // The end leaves the code step: the next stretch has the normal limit.
    idle = 0;
    lc.check();
    idle = 90;
    lc.check();
    expect(onEnd).toHaveBeenCalledTimes(2);
    lc.wizard('step/code');
    lc.wizard('step/other');
    idle = 0;
    lc.check();
    idle = 91;
    lc.check();
    expect(onEnd).toHaveBeenCalledTimes(3);
  });

  it('ends at once when the person leaves (first step or success screen), without the done wait', () => {
    const onEnd = vi.fn();
    const t = fakeTimers();
    const lc = new KioskLifecycle({
      idleSeconds: 90,
      doneSeconds: 20,
      systemIdleSeconds: () => 0,
      onEnd,
      timers: t.timers,
    });
    lc.wizard('end/done');
    expect(t.pending()).toBe(1);
    lc.wizard('end/left');
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('left');
    expect(t.pending()).toBe(0); // the done timer cannot end the session a second time
  });

  it('ends doneSeconds after the wizard succeeded; a second success restarts the wait', () => {
    const onEnd = vi.fn();
    const t = fakeTimers();
    const lc = new KioskLifecycle({
      idleSeconds: 90,
      doneSeconds: 20,
      systemIdleSeconds: () => 0,
      onEnd,
      timers: t.timers,
    });
    lc.wizardDone();
    lc.wizardDone();
    expect(t.pending()).toBe(1);
    t.fire();
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('done');
    lc.wizardDone();
    lc.stop();
    expect(t.pending()).toBe(0);
  });
});

describe('crash recovery', () => {
  it('reloads after 1 s, backs off to 30 s when the renderer keeps crashing, forgets after a minute', () => {
    let h: number[] = [];
    const delays: number[] = [];
    for (const t of [0, 1000, 2000, 3000]) {
      const r = nextRecovery(h, t);
      h = r.history;
      delays.push(r.delayMs);
    }
    expect(delays).toEqual([1000, 1000, 1000, 30_000]);
    expect(nextRecovery(h, 200_000).delayMs).toBe(1000);
  });
});

describe('logoff', () => {
  it('only in the logon-screen setup: setting on, running as the kiosk account, not --dev', () => {
    const s = { logoffOnExit: true, kioskAccount: 'Wachtwoord vergeten' };
    expect(shouldLogoff(s, 'wachtwoord vergeten', false)).toBe(true);
    expect(shouldLogoff(s, 'Administrator', false)).toBe(false);
    expect(shouldLogoff(s, 'Wachtwoord vergeten', true)).toBe(false);
    expect(shouldLogoff({ ...s, logoffOnExit: false }, 'Wachtwoord vergeten', false)).toBe(false);
  });

  it('uses shutdown.exe /l by absolute path in the Windows directory it is given, nothing elsewhere', () => {
    expect(logoffCommand('win32', 'C:\\Windows')).toEqual({
      file: 'C:\\Windows\\System32\\shutdown.exe',
      args: ['/l'],
    });
    expect(logoffCommand('linux', 'C:\\Windows')).toBeUndefined();
  });

  it("runs it without a shell and without main's environment (no secrets inherited)", async () => {
    const exec = vi.fn((_f: string, _a: string[], _o: unknown, cb: (e: Error | null) => void) => cb(null));
    expect(await runLogoff('win32', 'C:\\Windows', exec)).toBe(true);
    expect(exec.mock.calls[0]![0]).toBe('C:\\Windows\\System32\\shutdown.exe');
    expect(exec.mock.calls[0]![2]).toEqual({ windowsHide: true, env: { SystemRoot: 'C:\\Windows' } });
    expect(await runLogoff('linux', 'C:\\Windows', exec)).toBe(false);
    const failing = vi.fn((_f: string, _a: string[], _o: unknown, cb: (e: Error | null) => void) =>
      cb(new Error('denied')),
    );
    expect(await runLogoff('win32', 'C:\\Windows', failing)).toBe(false);
  });
});
