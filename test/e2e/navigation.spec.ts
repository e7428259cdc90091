// Leaving the wizard: Annuleren on every step, the idle wipe, the success screen's return to the start;
// and the language switch (labels, <html lang>, the SMS language).
import { expect, test } from './support/fixtures.js';
import { LABELS } from './support/kiosk.js';
import { asKiosk } from './support/kiosk-host.js';
import { ANNA, MARIEKE, strongPassword } from '../helpers/demo-users.js';

test('Annuleren on every step ends the session and returns to an empty start', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.field('username').fill(ANNA.username);
  await kiosk.cancel();
  await kiosk.expectStart();

  await kiosk.enterUsername(ANNA.username);
  await kiosk.field('birthdate').fill(ANNA.birthdate);
  let cancelled = page.waitForRequest('**/api/cancel');
  await kiosk.cancel();
  await cancelled;
  await kiosk.expectStart();

  // Once a code went out, Annuleren asks once; "Nee, verder" keeps everything.
  await kiosk.requestCode(MARIEKE);
  await kiosk.field('code').fill('12');
  await kiosk.cancel();
  await expect(page.getByRole('group', { name: 'Weet je het zeker?' })).toBeVisible();
  await expect(kiosk.button('Nee, verder')).toBeFocused();
  await kiosk.button('Nee, verder').click();
  await expect(kiosk.field('code')).toHaveValue('12');
  await expect(kiosk.button('Annuleren')).toBeFocused();
  cancelled = page.waitForRequest('**/api/cancel');
  await kiosk.cancel();
  await kiosk.button('Ja, stoppen').click();
  await cancelled;
  await kiosk.expectStart();
  await expect(kiosk.field('username')).toBeFocused();

  await kiosk.enterCode(await kiosk.requestCode(MARIEKE));
  await kiosk.field('password').fill('Half#getypt1');
  cancelled = page.waitForRequest('**/api/cancel');
  await kiosk.cancel();
  await kiosk.button('Ja, stoppen').click();
  await cancelled;
  await kiosk.expectStart();
});

test('after 90 s without input everything is wiped, in the default language', async ({ kiosk, page }) => {
  await page.clock.install();
  await kiosk.open();
  await page.getByRole('button', { name: 'English' }).click();
  kiosk.labels = LABELS.en;
  await kiosk.enterUsername(ANNA.username);
  await kiosk.field('birthdate').fill('01-10');

  await page.clock.fastForward(89_000);
  await expect(kiosk.field('birthdate')).toHaveValue('01-10');
  const cancelled = page.waitForRequest('**/api/cancel');
  await page.clock.fastForward(2_000);
  await cancelled;
  kiosk.labels = LABELS.nl;
  await kiosk.expectStart();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('in the kiosk the success screen returns to the start after 20 s without input', async ({ kiosk, page }) => {
  await page.clock.install();
  await asKiosk(page);
  await kiosk.reachPasswordStep(MARIEKE);
  await kiosk.enterPassword(strongPassword());
  await expect(page.getByText(/^Over 20 seconden sluit dit scherm\./)).toBeVisible();
  await page.clock.fastForward(21_000);
  await kiosk.expectStart();
});

test('English via the visible switch: labels, page language, messages and the SMS', async ({ kiosk, page }) => {
  await kiosk.open();
  const english = page.getByRole('button', { name: 'English' });
  await expect(english).toHaveAttribute('lang', 'en');
  await english.click();
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  kiosk.labels = LABELS.en;
  await expect(kiosk.heading).toContainText('Forgot your password?');

  await kiosk.enterUsername(ANNA.username);
  await kiosk.enterBirthdate('31-02-1984');
  await expect(kiosk.alert).toContainText('Enter it as day-month-year, for example 01-10-1984. The year has 4 digits.');

  const mark = kiosk.outbox.mark();
  await kiosk.enterBirthdate(ANNA.birthdate);
  await kiosk.expectStep('Enter the password code');
  const { sms } = await kiosk.outbox.codeFor(ANNA.mobile, mark);
  expect(sms.body).toContain('your password code for a new password');

  // And back: the same step, now in Dutch.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  kiosk.labels = LABELS.nl;
  await expect(kiosk.field('code')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
