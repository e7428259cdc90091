// Issue 15, points 5–7: short, calm refusals in the manual's words; a warning before the last birthdate try; block
// texts that say how long and whose limit; after three wrong codes a new code at once, the button focusable and
// saying when it waits. Runs at both sizes on hosts with the product's limits (5 tries, 30 s resend wait).
import { expect, test } from './support/fixtures.js';
import { SIZE_HOST } from './support/servers.js';
import { MARIEKE, unknownUser } from '../helpers/demo-users.js';

/** A 6-digit code that is certainly not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('the identity refusal is short, counts down the tries, warns before the last and then says how long', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.enterUsername(unknownUser()); // tries count per typed name: the same for known and unknown names
  const left = SIZE_HOST.identityTries;
  for (let i = 1; i < left - 1; i++) {
    await kiosk.enterBirthdate('01-01-1980');
    await expect(kiosk.alert).toContainText(`Je kunt het nog ${left - i} keer proberen.`);
  }
  const lines = await kiosk.alert.locator('p').allInnerTexts();
  expect(lines).toEqual([
    'Je geboortedatum is wellicht niet goed ingegeven.',
    'Controleer de datum (dd-mm-jjjj) en probeer het opnieuw.',
    'Klopt de datum? Dan is je mobiele nummer waarschijnlijk niet goed geregistreerd.',
    'Je nummer staat in de Talent & Salaris app of het webportaal → Mijn gegevens → Zakelijk mobiel.',
    'Je kunt het nog 2 keer proberen.',
  ]);
  await expect(kiosk.alert).toBeInViewport();
  await expect(kiosk.field('birthdate')).toBeInViewport(); // the field is not pushed below the fold

  await kiosk.enterBirthdate('01-01-1980');
  await expect(kiosk.alert).toContainText('Let op: je kunt het nog 1 keer proberen. Daarna is je gebruikersnaam een tijd geblokkeerd.');
  await kiosk.enterBirthdate('01-01-1980');
  await expect(kiosk.alert).toContainText('Je kunt het nu een tijd niet meer proberen.');
  await kiosk.enterBirthdate('01-01-1980');
  await expect(kiosk.alert).toContainText('Te veel pogingen met deze gebruikersnaam.');
  await expect(kiosk.alert).toContainText('Om je account te beschermen kan het pas over 24 uur weer.');
});

test('after three wrong codes a new code comes at once; before that the button is focusable and says when', async ({ kiosk, page }) => {
  await kiosk.open();
  const code = await kiosk.requestCode(MARIEKE);
  const resend = page.getByRole('button', { name: /^Stuur een nieuwe code/ });
  await expect(resend).toHaveAttribute('aria-disabled', 'true');
  await expect(resend).toHaveText(/^Stuur een nieuwe code \(kan over (2\d|30)\u00a0s\)$/);
  await resend.focus();
  await expect(resend).toBeFocused(); // not skipped by Tab while it waits
  const box = await resend.boundingBox();
  expect(box!.height).toBeLessThan(90); // "25 s" does not wrap into a column

  for (let i = 0; i < 3; i++) await kiosk.enterCode(wrong(code));
  await expect(kiosk.alert).toContainText('Je hebt te vaak een verkeerde code ingevuld.');
  await expect(kiosk.button('Stuur een nieuwe code')).toBeFocused();
  await expect(kiosk.button('Stuur een nieuwe code')).not.toHaveAttribute('aria-disabled');
  const mark = kiosk.outbox.mark();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe code' })).toHaveText(/^Er is een nieuwe code gestuurd naar/);
  const fresh = await kiosk.outbox.codeFor(MARIEKE.mobile, mark);
  await expect(kiosk.field('code')).toBeFocused();
  await kiosk.enterCode(fresh.code);
  await kiosk.expectStep('Kies een nieuw wachtwoord');
});
