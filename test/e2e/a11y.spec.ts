// WCAG 2.1 AA, checked by axe-core on every step of the wizard, in the states people meet: empty,
// with an error, with the live checklist half met, in English, and the success screen.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { LABELS } from './support/kiosk.js';
import { ELEONORE, MARIEKE, strongPassword, unknownUser } from './support/users.js';

async function expectAccessible(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${state}`).toEqual([]);
}

test('every step passes axe (WCAG 2.1 A and AA)', async ({ kiosk, page }) => {
  await kiosk.open();
  await expectAccessible(page, 'username');
  await kiosk.next();
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'username with error');

  await kiosk.enterUsername(unknownUser());
  await expectAccessible(page, 'birthdate');
  await kiosk.enterBirthdate('01-01-1980');
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'birthdate with the identity message');
  await kiosk.cancel();

  const code = await kiosk.requestCode(MARIEKE);
  await expectAccessible(page, 'code');
  await kiosk.enterCode('000000' === code ? '111111' : '000000');
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'code with error');
  await kiosk.enterCode(code);

  await kiosk.expectStep('Kies een nieuw wachtwoord');
  await expectAccessible(page, 'password, empty');
  await kiosk.enterPassword('marieke1');
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'password with the rules failed');
  await kiosk.button('Toon wachtwoorden').click();
  await expectAccessible(page, 'password shown');

  await kiosk.enterPassword(strongPassword());
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await expectAccessible(page, 'done');
});

test('the English wizard passes axe', async ({ kiosk, page }) => {
  await kiosk.open();
  await page.getByRole('button', { name: 'English' }).click();
  kiosk.labels = LABELS.en;
  await kiosk.next();
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'English username with error');
});

test('every target is at least 44 × 44 px (touch)', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(ELEONORE);
  for (const target of await page.locator('button, input').all()) {
    const box = await target.boundingBox();
    expect(box, await target.evaluate((e) => e.outerHTML.slice(0, 80))).not.toBeNull();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
  }
});
