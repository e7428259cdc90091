// The session end as main composes it (kiosk-session.ts): the wipe clears storage first and always leaves a new
// document — '#idle' over the start page is a fragment navigation that would reload nothing (checked in Chromium:
// a page global survives Page.navigate to url#idle) — and kioskSession wires the lifecycle to the ender.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import { kioskSession, wipeWindow } from '../../../../src-main/electron/session/kiosk-session.js';

function fakeWindow(url: string) {
  const calls: string[] = [];
  const win = {
    isDestroyed: () => false,
    loadURL: (u: string) => Promise.resolve(void (calls.push(`load ${u}`), (url = u))),
    webContents: { getURL: () => url, reload: () => void calls.push(`reload ${url}`) },
  };
  const ses = {
    clearStorageData: () => Promise.resolve(void calls.push('clear storage')),
    clearCache: () => Promise.resolve(void calls.push('clear cache')),
  };
  return { win, ses, calls };
}

describe('wipeWindow', () => {
  it('clears, loads the start screen and reloads when only the fragment changed', async () => {
    const f = fakeWindow('app://kiosk/index.html');
    await wipeWindow(f.ses, f.win, 'app://kiosk/index.html#idle');
    expect(f.calls).toEqual([
      'clear storage',
      'clear cache',
      'load app://kiosk/index.html#idle',
      'reload app://kiosk/index.html#idle',
    ]);
  });

  it('does not reload twice when the load is a new document anyway, and leaves a gone window alone', async () => {
    const f = fakeWindow('https://reset.zorg.example/#/kiosk/end/left');
    await wipeWindow(f.ses, f.win, 'https://reset.zorg.example/');
    expect(f.calls).toEqual(['clear storage', 'clear cache', 'load https://reset.zorg.example/']);
    const g = fakeWindow('app://kiosk/index.html');
    await wipeWindow(g.ses, { ...g.win, isDestroyed: () => true }, 'app://kiosk/index.html#idle');
    expect(g.calls).toEqual(['clear storage', 'clear cache']);
  });
});

describe('kioskSession', () => {
  it('ends through the ender: "left" at once, and a failing wipe is logged, not thrown', async () => {
    const calls: string[] = [];
    const errors: unknown[] = [];
    const lc = kioskSession({
      timings: { idleSeconds: 90, codeIdleSeconds: 300, doneSeconds: 20 },
      systemIdleSeconds: () => 0,
      logoff: false,
      runLogoff: () => Promise.resolve(false),
      setQuitting: () => {},
      wipe: (why) => {
        calls.push(`wipe ${why}`);
        return Promise.reject(new Error('gone'));
      },
      log: { ...silentLogger, error: (o: unknown) => void errors.push(o) },
    });
    lc.wizard('end/left');
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['wipe left']);
    expect(errors).toEqual([{ err: 'Error: gone' }]);
  });
});
