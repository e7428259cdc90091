// The idle watch (src-renderer/idle.ts): warned `warnSeconds` before the wipe with a countdown, any activity ends
// the warning (and the key that ends it does nothing else), the wipe comes once, stopping removes every listener.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../../src-renderer/idle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function watch(seconds = 90) {
  const target = new EventTarget();
  const seen: string[] = [];
  const stop = watchIdle({
    seconds,
    warnSeconds: 20,
    target,
    onWarn: (s) => seen.push(`warn ${s}`),
    onActive: () => seen.push('active'),
    onIdle: () => seen.push('idle'),
  });
  return { target, seen, stop };
}

describe('watchIdle', () => {
  it('warns 20 s before, counts down each second, then wipes once', () => {
    const { seen } = watch();
    vi.advanceTimersByTime(69_999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['warn 20']);
    vi.advanceTimersByTime(19_000);
    expect(seen.at(-1)).toBe('warn 1');
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)).toBe('idle');
    vi.advanceTimersByTime(300_000);
    expect(seen.filter((s) => s === 'idle')).toHaveLength(1);
  });

  it('activity re-arms; during the warning it ends it and the key goes no further', () => {
    const { target, seen } = watch();
    vi.advanceTimersByTime(60_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(69_000);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['warn 20', 'warn 19', 'warn 18', 'warn 17', 'warn 16']);
    // (In the page the watch listens on window in the capture phase: stopping there keeps the key from the field.)
    const key = new Event('keydown', { cancelable: true });
    target.dispatchEvent(key);
    expect(seen.at(-1)).toBe('active');
    expect([key.defaultPrevented, key.cancelBubble]).toEqual([true, true]);
    // Outside the warning a key is just activity: it types as usual.
    const typing = new Event('keydown', { cancelable: true });
    target.dispatchEvent(typing);
    expect([typing.defaultPrevented, typing.cancelBubble]).toEqual([false, false]);
    vi.advanceTimersByTime(89_000);
    expect(seen).not.toContain('idle');
  });

  it('stop() ends the timers and the listeners', () => {
    const { target, seen, stop } = watch();
    stop();
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(600_000);
    expect(seen).toEqual([]);
  });

  it('an idle limit shorter than the warning warns at once', () => {
    const { seen } = watch(15);
    vi.advanceTimersByTime(0);
    expect(seen).toEqual(['warn 15']);
  });
});
