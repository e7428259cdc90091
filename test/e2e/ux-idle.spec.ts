// Issue 15, point 1 (WCAG 2.2.1): before the idle wipe a visible, announced countdown that any key or touch ends;
// a longer limit on the code step (the nurse fetches her phone); after a wipe the start screen says why. Runs at
// 1920×1080 and 390×844 (playwright.config.ts), on Playwright's clock: no real 90 s waits.
import { expect, test } from './support/fixtures.js';
import { SIZE_HOST } from './support/servers.js';
import { MARIEKE, unknownUser } from '../helpers/demo-users.js';

const WARN = 20;
const warnAt = (idle: number) => (idle - WARN) * 1000;

test('the warning comes 20 s before the wipe, is announced, and a key press keeps the session', async ({
  kiosk,
  page,
}) => {
  await page.clock.install();
  await kiosk.open();
  await kiosk.enterUsername(unknownUser());
  await kiosk.field('birthdate').fill('01-10');
  const warning = page.getByTestId('idle-warning');

  await page.clock.fastForward(warnAt(SIZE_HOST.idleSeconds) - 1000);
  await expect(warning).toBeHidden();
  await page.clock.fastForward(2000);
  await expect(warning).toBeVisible();
  await expect(warning).toBeInViewport();
  await expect(warning).toContainText('Ben je er nog?');
  await expect(warning).toContainText(/Over 1\d seconden wordt het scherm leeggemaakt\./);
  // Screen readers hear it once as it appears (role=alert), with what to do.
  await expect(warning.getByRole('alert')).toHaveText(
    'Ben je er nog? Over 20 seconden wordt het scherm leeggemaakt. Druk op een toets of tik op het scherm om verder te gaan.',
  );

  // The key only ends the warning: it does not type into the field that has the focus.
  await kiosk.field('birthdate').press('x');
  await expect(warning).toBeHidden();
  await expect(kiosk.field('birthdate')).toHaveValue('01-10');

  // A fresh idle stretch: warned again after another 70 s, not wiped at the old deadline.
  await page.clock.fastForward(warnAt(SIZE_HOST.idleSeconds) - 1000);
  await expect(warning).toBeHidden();
  await expect(kiosk.field('birthdate')).toHaveValue('01-10');
  await page.clock.fastForward(2000);
  await expect(warning).toBeVisible();
});

test('a touch (or click) also keeps the session', async ({ kiosk, page, isMobile }) => {
  await page.clock.install();
  await kiosk.open();
  await kiosk.enterUsername(unknownUser());
  await page.clock.fastForward(warnAt(SIZE_HOST.idleSeconds) + 1000);
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  if (isMobile) await page.touchscreen.tap(10, 200);
  else await page.mouse.click(10, 200);
  await expect(warning).toBeHidden();
  await expect(kiosk.field('birthdate')).toBeVisible();
});

test('without a key press everything is wiped, and the start screen says why', async ({ kiosk, page }) => {
  await page.clock.install();
  await kiosk.open();
  await kiosk.enterUsername(unknownUser());
  await kiosk.field('birthdate').fill('01-10-19');
  await page.clock.fastForward(warnAt(SIZE_HOST.idleSeconds) + 1000);
  // The announcement repeats at 10 and at 5 seconds, not every second.
  await page.clock.fastForward(9000);
  await expect(page.getByTestId('idle-warning').getByRole('alert')).toHaveText(
    'Over 10 seconden wordt het scherm leeggemaakt.',
  );
  const cancelled = page.waitForRequest('**/api/cancel');
  await page.clock.fastForward(11_000);
  await cancelled;
  await kiosk.expectStart();
  await expect(kiosk.field('username')).toBeFocused(); // the next person types straight into the field
  await expect(page.getByRole('status').filter({ hasText: 'leeggemaakt' })).toHaveText(
    'Er gebeurde een tijdje niets. Daarom is het scherm leeggemaakt. Begin hieronder opnieuw.',
  );
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  // The next person starting clears it.
  await kiosk.enterUsername(unknownUser());
  await expect(page.getByText('leeggemaakt')).toBeHidden();
});

test("the code step waits at least the code's validity before it warns", async ({ kiosk, page }) => {
  await page.clock.install();
  await kiosk.open();
  await kiosk.requestCode(MARIEKE);
  await expect(page.getByText('De code is 5 minuten geldig.')).toBeVisible();
  const warning = page.getByTestId('idle-warning');
  await page.clock.fastForward(warnAt(SIZE_HOST.idleSeconds) + 5000); // the normal limit has long passed
  await expect(warning).toBeHidden();
  await page.clock.fastForward(warnAt(SIZE_HOST.codeIdleSeconds) - warnAt(SIZE_HOST.idleSeconds));
  await expect(warning).toBeVisible();
  await page.keyboard.press('Shift');
  await expect(warning).toBeHidden();
  await expect(kiosk.field('code')).toBeVisible();
});

test('an untouched start screen is never warned about or wiped', async ({ kiosk, page }) => {
  await page.clock.install();
  await kiosk.open();
  await page.clock.fastForward(5 * 60_000);
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await expect(page.getByText('leeggemaakt')).toBeHidden();
});
