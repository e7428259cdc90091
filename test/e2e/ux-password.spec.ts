// Issue 15, points 2–4: the habit "type, Tab, type again, Enter" works (the show/hide toggle is not on that
// path and shows both fields); the fields keep their width on a phone; a refused password names the rules it
// misses in the alert itself, in view; a polite summary of the checklist for screen readers.
import { expect, test } from './support/fixtures.js';
import { ANNA, ELEONORE } from '../helpers/demo-users.js';

test('Tab goes Nieuw wachtwoord → Herhaal → Volgende; the toggle comes after and shows both', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(ELEONORE);
  await kiosk.field('password').focus();
  await page.keyboard.type('Tulp#123Zon');
  await page.keyboard.press('Tab');
  await expect(kiosk.field('repeat')).toBeFocused();
  await page.keyboard.type('Tulp#123Zon');
  await page.keyboard.press('Tab');
  await expect(kiosk.button('Volgende')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(kiosk.button('Annuleren')).toBeFocused();
  await page.keyboard.press('Tab');
  const toggle = kiosk.button('Toon wachtwoorden');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-controls', 'new-password repeat-password');
  await page.keyboard.press('Enter');
  await expect(kiosk.field('password')).toHaveAttribute('type', 'text');
  await expect(kiosk.field('repeat')).toHaveAttribute('type', 'text');
  await expect(kiosk.button('Verberg wachtwoorden')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kiosk.field('repeat')).toHaveAttribute('type', 'password');
});

test('the password fields are at least 250 px wide, also on a phone', async ({ kiosk }) => {
  await kiosk.reachPasswordStep(ANNA);
  for (const name of ['password', 'repeat'] as const) {
    const box = await kiosk.field(name).boundingBox();
    expect(box!.width, name).toBeGreaterThanOrEqual(250);
  }
  await kiosk.button('Toon wachtwoorden').click(); // its label grows: the fields must not shrink
  expect((await kiosk.field('password').boundingBox())!.width).toBeGreaterThanOrEqual(250);
});

test('a password failing only the digit rule gets an alert naming that rule, in view', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(ANNA);
  await kiosk.field('password').fill('Tulp#abcdZon');
  // The checklist's polite summary, once typing pauses (the list itself is not live).
  await expect(page.getByTestId('rules-summary')).toHaveText('Nog 1 eis: Minimaal 1 cijfer.');
  await expect(page.getByTestId('rules-summary')).toHaveAttribute('role', 'status');
  await kiosk.field('repeat').fill('Tulp#abcdZon');
  await kiosk.field('repeat').press('Enter');
  const alert = kiosk.alert;
  await expect(alert).toContainText('Je nieuwe wachtwoord voldoet nog niet aan de eisen.');
  await expect(alert.getByRole('listitem')).toHaveText(['Minimaal 1 cijfer']);
  await expect(alert).toBeInViewport();
  await expect(kiosk.field('password')).toHaveAccessibleDescription(/Minimaal 1 cijfer/);
  await expect(page).toHaveTitle(/^Fout: Nieuw wachtwoord/);

  await kiosk.field('password').fill('Tulp#1234Zon');
  await expect(page.getByTestId('rules-summary')).toHaveText('Je wachtwoord voldoet aan de eisen die we nu kunnen controleren.');
});
