// The start screen's second choice: M.Bakker (locked in the demo directory) unlocks her account with the same
// username → birthdate → SMS code steps, without choosing a new password, and gets the "unlocked" text; every
// screen of that path passes axe; an unknown name meets the same identity message as in a reset.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { MARIEKE, unknownUser } from '../helpers/demo-users.js';

const TO_UNLOCK = 'Account geblokkeerd? Ontgrendel je account';

async function expectAccessible(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe violations on ${state}`,
  ).toEqual([]);
}

test('M.Bakker unlocks her account: three steps, no new password, and the "unlocked" text', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.button(TO_UNLOCK).click();
  await expect(kiosk.heading).toContainText('Account ontgrendelen');
  await expect(page.getByText('Stap 1 van 3')).toBeVisible();
  await expectAccessible(page, 'unlock: username');

  const mark = kiosk.outbox.mark();
  const code = await kiosk.requestCode(MARIEKE);
  // The unlock's own text: nothing about a new password (that would alarm someone who only unlocks).
  const codeText = kiosk.outbox
    .since(mark)
    .filter((m) => m.to === MARIEKE.mobile)
    .at(-1)!.body;
  expect(codeText).toMatch(/^Pantein: je wachtwoordcode om je account te ontgrendelen is \d{6}\./);
  expect(codeText).not.toMatch(/nieuw wachtwoord/);
  await expect(page.getByText('Account ontgrendelen', { exact: true }).first()).toBeVisible(); // the header says so too
  await expect(page.getByText('Stap 3 van 3')).toBeVisible();
  await expectAccessible(page, 'unlock: code');
  await kiosk.enterCode(code);

  await expect(kiosk.heading).toHaveText('Je account is ontgrendeld');
  await expect(kiosk.heading).toBeFocused();
  await expect(
    page.getByText(
      /^Gelukt! Je kunt weer inloggen met je huidige wachtwoord\. Staat je mail op je telefoon\? Zet daar ook je huidige wachtwoord in/,
    ),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: /applicaties/ })).toHaveCount(0);
  await expect(kiosk.field('password')).toHaveCount(0);
  await expectAccessible(page, 'unlock: done');
  await expect
    .poll(() =>
      kiosk.outbox
        .since(mark)
        .filter((m) => m.to === MARIEKE.mobile)
        .map((m) => m.body)
        .at(-1),
    )
    .toMatch(/je account is net ontgrendeld/);

  await kiosk.button('Terug naar het begin').click(); // the next person starts at the first choice again
  await kiosk.expectStart();
  await expect(kiosk.heading).toContainText('Wachtwoord vergeten?');
  await expect(kiosk.button(TO_UNLOCK)).toBeVisible();
});

test("the choice goes both ways, and an unknown name gets the reset's identity message", async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.button(TO_UNLOCK).click();
  await kiosk.button('Wachtwoord vergeten? Kies een nieuw wachtwoord').click();
  await expect(kiosk.heading).toContainText('Wachtwoord vergeten?');
  await expect(page.getByText('Stap 1 van 4')).toBeVisible();

  await kiosk.button(TO_UNLOCK).click();
  await kiosk.enterUsername(unknownUser());
  await kiosk.enterBirthdate('01-01-1980');
  await expect(kiosk.alert).toContainText('Het lukt niet met deze gegevens.');
  await expect(kiosk.alert).toContainText('Een typfout in je naam of datum? Of je mobiele nummer staat niet goed.');
  await expectAccessible(page, 'unlock: birthdate with the identity message');
});
