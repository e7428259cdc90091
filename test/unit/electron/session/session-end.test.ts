// The end of a wizard always reaches a logoff or a wipe, whatever fails before it (issue: cancelActive() threw
// and neither happened).
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import {
  sessionEnder,
  startUrlAfter,
  staysInDocument,
  type SessionEndDeps,
} from '../../../../src-main/electron/session/session-end.js';

function ender(over: Partial<SessionEndDeps>) {
  const calls: string[] = [];
  const end = sessionEnder({
    cancelActive: () => Promise.resolve(void calls.push('cancel')),
    logoff: false,
    runLogoff: () => Promise.resolve((calls.push('logoff'), true)),
    wipe: (why) => Promise.resolve(void calls.push(why === 'idle' ? 'wipe' : `wipe ${why}`)),
    setQuitting: (q) => void calls.push(`quitting ${q}`),
    log: silentLogger,
    ...over,
  });
  return { end, calls };
}

async function run(over: Partial<SessionEndDeps>, why: 'idle' | 'done' | 'left') {
  const e = ender(over);
  await e.end(why);
  return e;
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
    for (const runLogoff of [() => Promise.resolve(false), async () => Promise.reject(new Error('no shutdown.exe'))]) {
      const { end, calls } = ender({
        logoff: true,
        runLogoff,
        cancelActive: async () => Promise.reject(new Error('x')),
      });
      await end('idle');
      expect(calls).toEqual(['quitting true', 'quitting false', 'wipe']);
    }
  });

  it('the person leaving (first step, success screen) ends the session like the end of the wizard', async () => {
    expect((await run({ logoff: true }, 'left')).calls).toEqual(['cancel', 'quitting true', 'logoff']);
    expect((await run({}, 'left')).calls).toEqual(['cancel', 'wipe left']);
  });

  it('after idle the start screen is told why it is empty (#idle); otherwise it starts plain', () => {
    expect(startUrlAfter('app://kiosk/index.html', 'idle')).toBe('app://kiosk/index.html#idle');
    expect(startUrlAfter('https://reset.zorg.example/', 'done')).toBe('https://reset.zorg.example/');
    expect(startUrlAfter('app://kiosk/index.html', 'left')).toBe('app://kiosk/index.html');
  });

  it('knows when loading the start screen would only change the fragment (then the wipe reloads)', () => {
    expect(staysInDocument('app://kiosk/index.html', 'app://kiosk/index.html#idle')).toBe(true);
    expect(staysInDocument('https://reset.zorg.example/#/kiosk/step/code', 'https://reset.zorg.example/#idle')).toBe(
      true,
    );
    expect(staysInDocument('https://reset.zorg.example/#/kiosk/end/left', 'https://reset.zorg.example/')).toBe(false); // no fragment: a full load
    expect(staysInDocument('app://kiosk/offline.html?reden=x', 'https://reset.zorg.example/#idle')).toBe(false);
  });

  it('central mode (nothing to cancel) wipes', async () => {
    const { end, calls } = ender({ cancelActive: undefined });
    await end('idle');
    expect(calls).toEqual(['wipe']);
  });
});
