// The timing helpers: padding an answer to a floor (so refusals and successes take as long), bounding a wait,
// and the short correlation id a user reads out to the servicedesk.
import { describe, expect, it, vi } from 'vitest';
import { newCorrelationId, padTo, withTimeout } from '../../../src-main/core/timing.js';

describe('padTo', () => {
  it('answers no sooner than the floor after the start', async () => {
    const started = Date.now();
    expect(await padTo(started, 40, 'answer')).toBe('answer');
    expect(Date.now() - started).toBeGreaterThanOrEqual(39); // timers may fire up to 1 ms early
  });

  it('adds nothing when the work already took longer', async () => {
    const t0 = performance.now();
    expect(await padTo(Date.now() - 1000, 400, 42)).toBe(42);
    expect(performance.now() - t0).toBeLessThan(20);
  });
});

describe('withTimeout', () => {
  it("gives the work's answer (or its error) when it settles in time", async () => {
    await expect(withTimeout(Promise.resolve('ok'), 100, () => new Error('late'))).resolves.toBe('ok');
    await expect(withTimeout(Promise.reject(new Error('refused')), 100, () => new Error('late'))).rejects.toThrow(
      'refused',
    );
  });

  it('rejects with onTimeout() when the work does not settle, and a late failure is swallowed', async () => {
    vi.useFakeTimers();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      let fail!: (e: Error) => void;
      const work = new Promise<string>((_, reject) => (fail = reject));
      const bounded = withTimeout(work, 2000, () => new Error('no answer within 2000 ms'));
      const outcome = expect(bounded).rejects.toThrow('no answer within 2000 ms');
      await vi.advanceTimersByTimeAsync(2000);
      await outcome;
      fail(new Error('finally failed'));
      vi.useRealTimers();
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      vi.useRealTimers();
    }
  });

  it('leaves no timer behind once the work answered', async () => {
    vi.useFakeTimers();
    try {
      await withTimeout(Promise.resolve(1), 60_000, () => new Error('late'));
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('newCorrelationId', () => {
  it('is 8 hex characters, different each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newCorrelationId));
    expect([...ids].every((id) => /^[0-9a-f]{8}$/.test(id))).toBe(true);
    expect(ids.size).toBeGreaterThan(995); // 32 random bits: a repeat in 1000 is rare
  });
});
