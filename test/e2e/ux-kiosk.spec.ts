// Issue 15, point 9 and issue 23: the kiosk ends the session like a kiosk, in both modes, and speaks of logging in.
// The wizard runs in Chromium on the web host; main is stood in by main's own session code (support/kiosk-main.ts):
// it hears the wizard's in-page signals and logs off (a recorded shutdown /l) as the real main would.
// - local mode: the page has a stand-in for the preload's window.resetKiosk (support/kiosk-host.ts);
// - central mode: no preload at all, only the kiosk session's user agent (`… reset-kiosk/<id>`, electron/main.ts),
//   as the central service's page sees it in the kiosk.
// Runs on the 1920×1080 and 390×844 hosts (SIZE_HOST: 90 s idle, 300 s on the code step, a 30 s success screen).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { asKiosk, kioskCalls } from './support/kiosk-host.js';
import type { Kiosk } from './support/kiosk.js';
import { standInMain, type KioskMain } from './support/kiosk-main.js';
import { SIZE_HOST } from './support/servers.js';
import { ELEONORE, LOTTE, MARIEKE, strongPassword, unknownUser, type DemoUser } from '../helpers/demo-users.js';

/** What Electron 45 sends from the kiosk, with main's suffix (session.setUserAgent in electron/main.ts). */
const KIOSK_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) WachtwoordVergeten/0.1.0 Chrome/140.0.7339.133 Electron/45.5.0 Safari/537.36 reset-kiosk/ward-3';
const TIMES = {
  idleSeconds: SIZE_HOST.idleSeconds,
  codeIdleSeconds: SIZE_HOST.codeIdleSeconds,
  doneSeconds: SIZE_HOST.doneSeconds,
};

/** The API calls the page made, whichever way (the preload stand-in records them; in central mode: HTTP). */
function apiCalls(page: Page): { method: string; body: unknown }[] {
  const calls: { method: string; body: unknown }[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(\w+)$/.exec(new URL(r.url()).pathname);
    if (m && r.method() === 'POST') calls.push({ method: m[1]!, body: r.postDataJSON() as unknown });
  });
  return calls;
}

for (const mode of ['local', 'central'] as const) {
  test.describe(`${mode} mode`, () => {
    if (mode === 'central') test.use({ userAgent: KIOSK_UA });
    let main: KioskMain;
    let calls: { method: string; body: unknown }[];
    test.beforeEach(async ({ page, baseURL }) => {
      if (mode === 'local') await asKiosk(page);
      calls = apiCalls(page);
      main = standInMain(page, baseURL!, TIMES);
    });
    test.afterEach(async ({ page }) => {
      // Central mode has nothing but the user agent: no preload API in the page.
      if (mode === 'central') expect(await page.evaluate(() => 'resetKiosk' in globalThis)).toBe(false);
      if (mode === 'local') expect((await kioskCalls(page)).length).toBeGreaterThan(0); // the stand-in carried the calls
    });

    const reachSuccess = async (kiosk: Kiosk, user: DemoUser) => {
      await kiosk.reachPasswordStep(user);
      await kiosk.enterPassword(strongPassword());
      await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
      await expect.poll(() => main.signals.at(-1)).toBe('end/done');
    };

    test('Annuleren on the first step logs off; on a later step it goes back to the start', async ({ kiosk, page }) => {
      await kiosk.open();
      // In the kiosk the servicedesk is plain text: a link could only try to open another program.
      await expect(page.getByRole('contentinfo')).toContainText('0485 – 845 900');
      await expect(page.getByRole('contentinfo').getByRole('link')).toHaveCount(0);

      await kiosk.enterUsername(unknownUser());
      await kiosk.cancel();
      await kiosk.expectStart();
      expect(calls.filter((c) => c.method === 'cancel').map((c) => c.body)).toEqual([
        { sessionId: expect.stringMatching(/^[0-9a-f]{32}$/) },
      ]);
      main.advance(10);
      expect([main.ends, main.logoffs()]).toEqual([[], 0]);

      await kiosk.field('username').fill('iemand');
      await kiosk.cancel();
      await expect.poll(() => main.logoffs()).toBe(1);
      expect(main.ends).toEqual(['left']);
      expect(calls.filter((c) => c.method === 'cancel')).toHaveLength(1); // leaving is a signal, not a call
    });

    test('the success screen speaks of logging in; the session ends doneSeconds after the last input', async ({
      kiosk,
      page,
    }) => {
      await reachSuccess(kiosk, mode === 'local' ? ELEONORE : LOTTE);
      await expect(page.getByText('Gelukt! Je kunt nu inloggen met je nieuwe wachtwoord.')).toBeVisible();
      await expect(
        page.getByText('Je bent klaar. Kies Naar het inlogscherm en log in met je nieuwe wachtwoord.'),
      ).toBeVisible();
      await expect(page.getByText('mag deze pagina sluiten')).toHaveCount(0);
      await expect(
        page.getByText(
          `Over ${SIZE_HOST.doneSeconds} seconden sluit dit scherm. Tik of druk op een toets als je meer tijd nodig hebt.`,
        ),
      ).toBeVisible();
      await expect(kiosk.button('Naar het inlogscherm')).toBeVisible();
      // A screen reader reading the 15 applications, a hand on the mouse: any input starts the time again.
      main.advance(SIZE_HOST.doneSeconds - 5);
      const dones = main.signals.filter((s) => s === 'end/done').length;
      await page.mouse.move(200, 200);
      await page.mouse.move(240, 260);
      await expect.poll(() => main.signals.filter((s) => s === 'end/done').length).toBe(dones + 1);
      main.advance(6);
      expect(main.logoffs()).toBe(0);
      main.advance(SIZE_HOST.doneSeconds - 7);
      expect(main.logoffs()).toBe(0);
      main.advance(1);
      await expect.poll(() => main.logoffs()).toBe(1);
      expect(main.ends).toEqual(['done']);
    });

    test('Naar het inlogscherm on the success screen logs off at once', async ({ kiosk }) => {
      await reachSuccess(kiosk, mode === 'local' ? LOTTE : ELEONORE);
      main.advance(5);
      await kiosk.button('Naar het inlogscherm').click();
      await expect.poll(() => main.logoffs()).toBe(1);
      expect(main.ends).toEqual(['left']);
      main.advance(SIZE_HOST.doneSeconds); // the success screen's timer was stopped: no second end
      expect(main.ends).toEqual(['left']);
      expect(calls.filter((c) => c.method === 'cancel')).toEqual([]);
    });

    test('the code step waits codeIdleSeconds, not idleSeconds, before the session ends', async ({ kiosk }) => {
      await kiosk.open();
      await kiosk.requestCode(MARIEKE);
      await expect.poll(() => main.signals.at(-1)).toBe('step/code');
      main.setIdle(SIZE_HOST.idleSeconds + 10); // the nurse went to fetch her phone
      main.advance(10);
      main.setIdle(SIZE_HOST.codeIdleSeconds - 1);
      main.advance(5);
      expect(main.ends).toEqual([]);
      main.setIdle(SIZE_HOST.codeIdleSeconds);
      main.advance(5);
      await expect.poll(() => main.logoffs()).toBe(1);
      expect(main.ends).toEqual(['idle']);
    });
  });
}
