// The end of a wizard always reaches a logoff or a wipe, whatever fails before it (issue: cancelActive() threw
// and neither happened).
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { sessionEnder, type SessionEndDeps } from '../../../src-main/electron/session-end.js';

function ender(over: Partial<SessionEndDeps>) {
  const calls: string[] = [];
  const end = sessionEnder({
    cancelActive: async () => void calls.push('cancel'),
    logoff: false,
    runLogoff: async () => (calls.push('logoff'), true),
    wipe: async () => void calls.push('wipe'),
    setQuitting: (q) => void calls.push(`quitting ${q}`),
    log: silentLogger,
    ...over,
  });
  return { end, calls };
}

describe('sessionEnder', () => {
  it('cancels, then wipes (no logoff setup)', async () => {
    const { end, calls } = ender({});
    await end('idle');
    expect(calls).toEqual(['cancel', 'wipe']);
  });

  it('cancels, then logs off without a wipe', async () => {
    const { end, calls } = ender({ logoff: true });
    await end('done');
    expect(calls).toEqual(['cancel', 'quitting true', 'logoff']);
  });

  it('a cancel that throws still logs off', async () => {
    const { end, calls } = ender({ logoff: true, cancelActive: async () => Promise.reject(new Error('store down')) });
    await end('idle');
    expect(calls).toEqual(['quitting true', 'logoff']);
  });

  it('a failed or throwing logoff falls back to the wipe', async () => {
    for (const runLogoff of [async () => false, async () => Promise.reject(new Error('no shutdown.exe'))]) {
      const { end, calls } = ender({ logoff: true, runLogoff, cancelActive: async () => Promise.reject(new Error('x')) });
      await end('idle');
      expect(calls).toEqual(['quitting true', 'quitting false', 'wipe']);
    }
  });

  it('central mode (nothing to cancel) wipes', async () => {
    const { end, calls } = ender({ cancelActive: undefined });
    await end('idle');
    expect(calls).toEqual(['wipe']);
  });
});
