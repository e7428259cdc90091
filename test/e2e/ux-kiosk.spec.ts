// Issue 15, point 9: clean exits and the kiosk's own words. The page runs with a stand-in for the kiosk preload
// (support/kiosk-host.ts) on the web host: the renderer must tell main "the person leaves" — a cancel without a
// session — from Annuleren on the first step and from the success screen, and go back to the start otherwise.
// That main logs off on it is proven by test/unit/electron (wizard-tracker, lifecycle, session-end, ipc).
import { expect, test } from './support/fixtures.js';
import { asKiosk, kioskCalls } from './support/kiosk-host.js';
import { SIZE_HOST } from './support/servers.js';
import { ELEONORE, strongPassword, unknownUser } from '../helpers/demo-users.js';

const cancels = async (page: Parameters<typeof kioskCalls>[0]) => (await kioskCalls(page)).filter(([m]) => m === 'cancel').map(([, req]) => req);

test.beforeEach(async ({ page }) => asKiosk(page));

test('Annuleren on the first step leaves (main logs off); on a later step it goes back to the start', async ({ kiosk, page }) => {
  await kiosk.open();
  // In the kiosk the servicedesk is plain text: a link could only try to open another program.
  await expect(page.getByRole('contentinfo')).toContainText('0485 – 845 900');
  await expect(page.getByRole('contentinfo').getByRole('link')).toHaveCount(0);

  await kiosk.enterUsername(unknownUser());
  await kiosk.cancel();
  await kiosk.expectStart();
  const [back] = await cancels(page);
  expect(back).toEqual({ sessionId: expect.stringMatching(/^[0-9a-f]{32}$/) });

  await kiosk.field('username').fill('iemand');
  await kiosk.cancel();
  await expect.poll(() => cancels(page)).toEqual([back, {}]);
  await kiosk.expectStart();
});

test('the success screen speaks of logging in, counts down from info(), any input extends it, and its button leaves', async ({ kiosk, page }) => {
  await page.clock.install();
  await kiosk.reachPasswordStep(ELEONORE);
  await kiosk.enterPassword(strongPassword());
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await expect(page.getByText('Gelukt! Je kunt nu inloggen met je nieuwe wachtwoord.')).toBeVisible();
  await expect(page.getByText('Je bent klaar. Kies Naar het inlogscherm en log in met je nieuwe wachtwoord.')).toBeVisible();
  await expect(page.getByText('mag deze pagina sluiten')).toHaveCount(0);
  const closing = page.getByText(/sluit dit scherm/);
  await expect(closing).toHaveText(`Over ${SIZE_HOST.doneSeconds} seconden sluit dit scherm. Tik of druk op een toets als je meer tijd nodig hebt.`);
  // A screen reader reading the 15 applications, a hand on the mouse: any input starts the time again.
  await page.clock.runFor((SIZE_HOST.doneSeconds - 5) * 1000);
  await expect(closing).toContainText('Over 5 seconden');
  await page.mouse.move(200, 200);
  await page.mouse.move(220, 240);
  await page.clock.runFor(2000);
  await expect(closing).toContainText(new RegExp(`Over (${SIZE_HOST.doneSeconds - 2}|${SIZE_HOST.doneSeconds - 1}) seconden`));
  await kiosk.button('Naar het inlogscherm').click();
  await expect.poll(async () => (await cancels(page)).at(-1)).toEqual({});
  await kiosk.expectStart();
});
