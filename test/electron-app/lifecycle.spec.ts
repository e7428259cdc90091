// The kiosk at work, live: a whole reset over IPC (no network request leaves app://kiosk), the idle wipe, and a
// renderer crash that brings back the start screen. Demo mode: the embedded directory and an SMS outbox.
import { expect, test } from '@playwright/test';
import { ANNA, strongPassword } from '../helpers/demo-users.js';
import { inPage, launchKiosk, windowState, type KioskApp } from './support/kiosk-app.js';

let k: KioskApp | undefined;
test.afterEach(async () => {
  await k?.close();
  k = undefined;
});

test('A.Janssen resets her password in the kiosk: every step over IPC, nothing over the network', async () => {
  k = await launchKiosk();
  const requests: string[] = [];
  k.page.on('request', (r) => requests.push(r.url()));
  await k.kiosk.expectStart();
  await k.kiosk.enterCode(await k.kiosk.requestCode(ANNA));
  await k.kiosk.expectStep('Kies een nieuw wachtwoord'); // each step hands the focus to its heading
  await k.kiosk.enterPassword(strongPassword());
  await expect(k.kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  expect(requests.filter((u) => !u.startsWith('app://kiosk/'))).toEqual([]);
});

test('after idleSeconds without input the wizard is wiped back to an empty start screen', async () => {
  k = await launchKiosk({ idleSeconds: 15 });
  await k.kiosk.expectStart();
  await k.kiosk.field('username').fill(ANNA.username);
  await k.kiosk.next();
  await expect(k.kiosk.field('birthdate')).toBeVisible();
  // No input from here: the wizard warns and wipes itself after 15 s, then main's next 5-second poll wipes storage
  // and reloads the start screen with #idle, which tells the next person why it is empty (and is then dropped).
  await expect(k.kiosk.field('username')).toBeVisible({ timeout: 30_000 });
  await expect(k.kiosk.field('username')).toHaveValue('');
  await expect(k.page.getByText('Het scherm is leeggemaakt')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => (await windowState(k!.app)).url, { timeout: 30_000 })
    .toMatch(/^app:\/\/kiosk\/index\.html(#idle)?$/);
});

test('a renderer crash brings the start screen back, empty', async () => {
  k = await launchKiosk();
  await k.kiosk.expectStart();
  await k.kiosk.field('username').fill('half typed');
  const app = k.app;
  await app.evaluate(({ BrowserWindow }) => {
    const g = globalThis as unknown as { rkGone: number };
    const wc = BrowserWindow.getAllWindows()[0]!.webContents;
    g.rkGone = 0;
    wc.on('render-process-gone', () => void g.rkGone++);
    wc.forcefullyCrashRenderer();
  });
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { rkGone: number }).rkGone)).toBe(1);
  await expect.poll(async () => (await windowState(app)).crashed, { timeout: 10_000 }).toBe(false);
  await expect
    .poll(() => inPage<string | null>(app, "document.querySelector('input')?.value ?? null"), { timeout: 15_000 })
    .toBe('');
  expect(await windowState(app)).toMatchObject({ url: 'app://kiosk/index.html', windows: 1, kiosk: true });
});

test("Annuleren on the first step ends the session through the wizard's in-page signal (here: a wipe, no logoff)", async () => {
  k = await launchKiosk();
  await k.kiosk.expectStart();
  // Not the kiosk account on a logon screen: main ends the session by wiping and reloading the start screen.
  await inPage(k.app, 'globalThis.rkBeforeEnd = 1');
  const signals: string[] = [];
  k.page.on('framenavigated', (f) => void (f === k!.page.mainFrame() && signals.push(new URL(f.url()).hash)));
  await k.kiosk.cancel();
  await expect.poll(() => signals).toContain('#/kiosk/end/left'); // did-navigate-in-page in main
  await expect
    .poll(() => inPage<number | null>(k!.app, 'globalThis.rkBeforeEnd ?? null'), { timeout: 10_000 })
    .toBeNull(); // reloaded
  expect(await windowState(k.app)).toMatchObject({ url: 'app://kiosk/index.html', windows: 1 });
});
