// Issue 15, points 2–4, with issue 24: each field has its own eye right beside it (type, Tab, eye, Tab, type,
// Enter); a live "de wachtwoorden zijn gelijk"; the fields keep their width on a phone; a password the checklist
// refuses costs no server check; a refused password names the rules it
// misses in the alert itself, in view; a polite summary of the checklist for screen readers.
import { expect, test } from './support/fixtures.js';
import { ANNA, ELEONORE } from '../helpers/demo-users.js';

test('each field has its own eye beside it; the two are said to be the same as soon as they are', async ({
  kiosk,
  page,
}) => {
  await kiosk.reachPasswordStep(ELEONORE);
  await expect(kiosk.field('password')).toBeFocused(); // the cursor is already there
  await page.keyboard.type('Tulp#123Zon');
  await page.keyboard.press('Tab');
  const eyes = page.getByRole('button', { name: 'Toon wachtwoord' });
  await expect(eyes.first()).toBeFocused();
  await expect(eyes.first()).toHaveAttribute('aria-controls', 'new-password');
  await page.keyboard.press('Enter');
  await expect(kiosk.field('password')).toHaveAttribute('type', 'text');
  await expect(kiosk.field('repeat')).toHaveAttribute('type', 'password'); // each eye shows its own field
  await expect(eyes.first()).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await expect(kiosk.field('repeat')).toBeFocused();
  await page.keyboard.type('Tulp#123Zo');
  await expect(page.getByRole('status').filter({ hasText: 'gelijk' })).toHaveCount(0); // not while still typing
  await page.keyboard.type('x');
  await expect(page.getByRole('status').filter({ hasText: 'gelijk' })).toHaveText(
    'De wachtwoorden zijn nog niet gelijk.',
  );
  await page.keyboard.press('Backspace');
  await page.keyboard.type('n');
  await expect(page.getByRole('status').filter({ hasText: 'gelijk' })).toHaveText('De wachtwoorden zijn gelijk.');
  // The eye sits beside its field, on the same row (on a phone it used to be ~1 000 px below).
  const [field, eye] = [await kiosk.field('repeat').boundingBox(), await eyes.last().boundingBox()];
  expect(Math.abs(field!.y + field!.height / 2 - (eye!.y + eye!.height / 2))).toBeLessThan(4);
});

test('the password fields are at least 250 px wide, also on a phone', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(ANNA);
  for (const name of ['password', 'repeat'] as const) {
    const box = await kiosk.field(name).boundingBox();
    expect(box!.width, name).toBeGreaterThanOrEqual(250);
  }
  await page.getByRole('button', { name: 'Toon wachtwoord' }).first().click(); // the fields must not shrink
  expect((await kiosk.field('password').boundingBox())!.width).toBeGreaterThanOrEqual(250);
});

test('a password failing only the digit rule gets an alert naming that rule, in view', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(ANNA);
  await kiosk.field('password').fill('Tulp#abcdZon');
  // The checklist's polite summary, once typing pauses (the list itself is not live).
  await expect(page.getByTestId('rules-summary')).toHaveText('Nog 1 eis: Minimaal 1 cijfer.');
  await expect(page.getByTestId('rules-summary')).toHaveAttribute('role', 'status');
  await kiosk.field('repeat').fill('Tulp#abcdZon');
  // Refused here, at once: the server is not asked, so none of the session's checks is spent.
  const asked: string[] = [];
  page.on('request', (r) => void (r.url().endsWith('/api/setPassword') && asked.push(r.url())));
  await kiosk.field('repeat').press('Enter');
  const alert = kiosk.alert;
  await expect(alert).toContainText('Je nieuwe wachtwoord voldoet nog niet aan de eisen.');
  await expect(alert.getByRole('listitem')).toHaveText(['Minimaal 1 cijfer']);
  await expect(alert).toBeInViewport();
  await expect(kiosk.field('password')).toHaveAccessibleDescription(/Minimaal 1 cijfer/);
  await expect(page).toHaveTitle(/^Fout: Nieuw wachtwoord/);
  expect(asked).toEqual([]);

  await kiosk.field('password').fill('Tulp#1234Zon');
  await expect(page.getByTestId('rules-summary')).toHaveText(
    'Je wachtwoord voldoet aan de eisen die we nu kunnen controleren.',
  );
});
