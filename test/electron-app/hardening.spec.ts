// The kiosk's hardening (src-main/electron/window/window.ts), proven live in a real Electron: kiosk and full screen, no
// Node in the page, a frozen window.resetKiosk, no new windows, no other origin, no devtools/reload shortcuts.
// Page code reaches the page's globals through `globalThis` (the tests are type-checked without the DOM library).
import { expect, test } from '@playwright/test';
import { METHODS } from '../../src-main/core/contract.js';
import { launchKiosk, windowState, type KioskApp, type PageGlobals } from './support/kiosk-app.js';

let k: KioskApp;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  k = await launchKiosk();
  await k.kiosk.expectStart();
});
test.afterAll(async () => k?.close());

test('one window: kiosk, full screen, always on top, not closable, no menu, on app://kiosk', async () => {
  expect(await windowState(k.app)).toMatchObject({
    windows: 1,
    kiosk: true,
    alwaysOnTop: true,
    closable: false,
    menu: false,
    url: 'app://kiosk/index.html',
  });
  await expect.poll(async () => (await windowState(k.app)).fullScreen).toBe(true);
  await k.page.evaluate(() => (globalThis as unknown as PageGlobals).close()); // the page cannot close the kiosk either
  await k.page.waitForTimeout(500);
  expect((await windowState(k.app)).windows).toBe(1);
});

test('no require, process or Node in the page; window.resetKiosk is one frozen object of functions', async () => {
  const facts = await k.page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & Record<string, unknown>;
    const api = g.resetKiosk;
    try {
      api.start = () => 'hijacked';
      api.extra = 1;
    } catch {
      /* a frozen object throws in strict code */
    }
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      frozen: Object.isFrozen(api),
      methods: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((f) => typeof f === 'function'),
      replaced: String(api.start).includes('hijacked') || 'extra' in api,
    };
  });
  expect(facts).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    frozen: true,
    allFunctions: true,
    replaced: false,
  });
  expect(facts.methods).toEqual([...METHODS].sort());
});

test('window.open opens nothing', async () => {
  expect(
    await k.page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.org/') === null),
  ).toBe(true);
  expect(
    await k.page.evaluate(
      () => (globalThis as unknown as PageGlobals).open('app://kiosk/index.html', '_blank') === null,
    ),
  ).toBe(true);
  await k.page.waitForTimeout(500);
  expect((await windowState(k.app)).windows).toBe(1);
  expect(k.app.windows()).toHaveLength(1);
});

test('navigation to another origin is refused: the kiosk stays on app://kiosk', async () => {
  for (const url of ['https://example.org/', 'file:///etc/hosts', 'chrome://settings', 'data:text/html,<h1>x</h1>']) {
    await k.page
      .evaluate((u) => void ((globalThis as unknown as PageGlobals).location.href = u), url)
      .catch(() => undefined);
    await k.page.waitForTimeout(750);
    expect((await windowState(k.app)).url, url).toBe('app://kiosk/index.html');
  }
  await k.kiosk.expectStart();
});

test('devtools, reload, zoom, print and full-screen shortcuts never reach the page or Chromium; typing does', async () => {
  await k.page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & { seen: string[]; marker: number };
    g.seen = [];
    g.marker = 42; // gone if the page reloads
    const modifiers = ['Control', 'Shift', 'Alt', 'Meta'];
    g.addEventListener(
      'keydown',
      (e) => void (modifiers.includes(e.key) || g.seen.push(`${e.ctrlKey ? 'Ctrl+' : ''}${e.key}`)),
      true,
    );
  });
  await k.kiosk.field('username').focus();
  for (const key of [
    'F12',
    'Control+Shift+I',
    'Control+Shift+J',
    'F5',
    'Control+R',
    'Control+Shift+R',
    'Control+=',
    'Control+-',
    'Control+P',
    'F11',
  ]) {
    await k.page.keyboard.press(key);
  }
  await k.page.keyboard.type('ab');
  await k.page.waitForTimeout(500);
  const seen = await k.page.evaluate(() => {
    const g = globalThis as unknown as { seen: string[]; marker: number };
    return { seen: g.seen, marker: g.marker };
  });
  expect(seen).toEqual({ seen: ['a', 'b'], marker: 42 });
  expect(await windowState(k.app)).toMatchObject({ devToolsOpened: false, zoom: 0, windows: 1, kiosk: true });
  await expect(k.kiosk.field('username')).toHaveValue('ab');
});
