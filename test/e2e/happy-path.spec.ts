// The acceptance walk of issue 4, by keyboard alone as issue 24 counts it: A.Janssen resets her password with only
// the manual's labels and the code from the SMS outbox, typing right after each Enter (the cursor is in the field
// on every step, which a screen reader hears with the step counter); a second reset with the same password is
// then refused by the history rule.
import { expect, test } from './support/fixtures.js';
import { ANNA, strongPassword } from '../helpers/demo-users.js';

const APPLICATIONS = ['Computer inlog', 'Pantein Webmail', 'Topdesk', 'Visma']; // a few of the manual's 15

test('A.Janssen resets her password by keyboard alone, typing right after each Enter: at most 60 keys', async ({
  kiosk,
  page,
}) => {
  let keys = 0;
  /** Types as a person does, one key per character; Enter/Tab count one each. */
  const type = async (text: string) => {
    await page.keyboard.type(text);
    keys += [...text].length;
  };
  const press = async (key: 'Enter' | 'Tab') => {
    await page.keyboard.press(key);
    keys += 1;
  };

  await kiosk.open();
  await expect(page).toHaveTitle(/Pantein/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(kiosk.field('username')).toHaveAccessibleDescription(
    /^Stap 1 van 4\s*:?\s*Wachtwoord vergeten\? Bijvoorbeeld A\.Janssen/,
  );
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - 'heading "Stap 1 van 4 : Wachtwoord vergeten?" [level=1]'
      - paragraph: "Hier kies je zelf een nieuw wachtwoord. Is je account geblokkeerd? Dan wordt het ook ontgrendeld. Je hebt nodig:"
      - list
      - textbox "Gebruikersnaam"
      - button "Account geblokkeerd? Ontgrendel je account"
      - button "Volgende"
      - button "Annuleren"
  `);
  await type(ANNA.username);
  await press('Enter');

  // Every step: the cursor is in the field, and the field is described by the heading with the step counter.
  await kiosk.expectStep('Je geboortedatum');
  await expect(kiosk.field('birthdate')).toBeFocused();
  await expect(kiosk.field('birthdate')).toHaveAccessibleDescription(
    /^Stap 2 van 4\s*:?\s*Je geboortedatum Dag-maand-jaar, bijvoorbeeld 01-10-1984 of 01101984$/,
  );
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - 'heading "Stap 2 van 4 : Je geboortedatum" [level=1]'
      - paragraph: Zo weten we dat jij het bent.
      - paragraph:
        - text: "Gebruikersnaam:"
        - strong: A.Janssen
      - paragraph: Dag-maand-jaar, bijvoorbeeld 01-10-1984 of 01101984
      - textbox "Geboortedatum"
      - button "Volgende"
      - button "Annuleren"
  `);
  const mark = kiosk.outbox.mark();
  await type(ANNA.birthdate.replaceAll('-', '')); // 8 digits, as the hint says: no dash to look for
  await press('Enter');

  await kiosk.expectStep('Vul de wachtwoordcode in');
  await expect(kiosk.field('code')).toBeFocused();
  await expect(kiosk.field('code')).toHaveAccessibleDescription(
    /^Stap 3 van 4\s*:?\s*Vul de wachtwoordcode in 6 cijfers$/,
  );
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - 'heading "Stap 3 van 4 : Vul de wachtwoordcode in" [level=1]'
      - paragraph: We hebben je via sms een code gestuurd. Je nummer eindigt op 78. De code is 5 minuten geldig.
      - textbox "Wachtwoordcode"
      - button "Volgende"
      - button "Annuleren"
      - button /Nieuwe code sturen/
  `);
  await expect(page.getByText('Je nummer eindigt op 78.')).toBeVisible(); // digits, not "bullet bullet"
  await expect(page.getByText('De code is 5 minuten geldig.')).toBeVisible();
  await expect(kiosk.field('code')).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(kiosk.field('code')).toHaveAttribute('inputmode', 'numeric');
  const { code, sms } = await kiosk.outbox.codeFor(ANNA.mobile, mark);
  expect(sms.body).toContain('Pantein: je wachtwoordcode voor een nieuw wachtwoord is'); // the reset's text
  await type(code);
  await press('Enter');

  await kiosk.expectStep('Kies een nieuw wachtwoord');
  await expect(kiosk.field('password')).toBeFocused();
  await expect(kiosk.field('password')).toHaveAccessibleDescription(
    /^Stap 4 van 4\s*:?\s*Kies een nieuw wachtwoord Minimaal 8 tekens/,
  ); // and its rules
  await expect(kiosk.field('password')).toHaveAttribute('type', 'password');
  await expect(kiosk.field('password')).toHaveAttribute('autocomplete', 'new-password');
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - 'heading "Stap 4 van 4 : Kies een nieuw wachtwoord" [level=1]'
      - textbox "Nieuw wachtwoord"
      - button "Toon wachtwoord"
      - textbox "Herhaal je nieuwe wachtwoord"
      - button "Toon wachtwoord"
      - region "Onze wachtwoordeisen":
        - heading "Onze wachtwoordeisen" [level=2]
        - list
      - button "Volgende"
      - button "Annuleren"
  `);
  const password = `Tulp#${Date.now() % 1000}Zon`; // 11-12 keys, passes every rule, new each run
  await type(password);
  await press('Tab'); // the eye of the first field
  await press('Tab');
  await expect(kiosk.field('repeat')).toBeFocused();
  await type(password);
  await expect(page.getByRole('status').filter({ hasText: 'De wachtwoorden zijn gelijk.' })).toBeVisible();
  await press('Enter');

  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await expect(kiosk.heading).toBeFocused(); // nothing to type: the heading says it worked
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - region "Je wachtwoord is opnieuw ingesteld":
        - heading "Je wachtwoord is opnieuw ingesteld" [level=1]
        - paragraph: Gelukt! Je kunt nu inloggen met je nieuwe wachtwoord.
        - 'heading "Je nieuwe wachtwoord geldt ook voor:" [level=2]'
        - 'list "Je nieuwe wachtwoord geldt ook voor:"'
        - paragraph: Je bent nu klaar en mag deze pagina sluiten.
        - button "Terug naar het begin"
  `);
  console.log(`keyboard walk of A.Janssen: ${keys} keys`);
  expect(keys).toBeLessThanOrEqual(60);
  await expect(page.getByText('Je bent nu klaar en mag deze pagina sluiten.')).toBeVisible(); // the web host's words
  await expect(page.getByText(/sluit dit scherm/)).toHaveCount(0); // the web does not go back by itself
  const apps = page.getByRole('list', { name: 'Je nieuwe wachtwoord geldt ook voor:' });
  for (const app of APPLICATIONS) await expect(apps.getByRole('listitem').filter({ hasText: app })).toBeVisible();
  await expect(apps.getByRole('listitem')).toHaveCount(15);
});

test('the same new password is refused by the history rule on a second reset', async ({ kiosk, page }) => {
  const password = strongPassword();
  await kiosk.reachPasswordStep(ANNA);
  await kiosk.enterPassword(password);
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');

  await kiosk.button('Terug naar het begin').click();
  await kiosk.expectStart();
  await kiosk.enterCode(await kiosk.requestCode(ANNA));
  await kiosk.enterPassword(password);

  await expect(kiosk.alert).toContainText('Je nieuwe wachtwoord voldoet nog niet aan de eisen.');
  await kiosk.expectRule('history', 'failed');
  for (const rule of ['length', 'upper', 'digit', 'punctuation', 'names']) await kiosk.expectRule(rule, 'met');

  // Typing again: history is open again until the next submit; a fresh password goes through.
  const fresh = strongPassword();
  await kiosk.field('password').fill(fresh);
  await kiosk.expectRule('history', 'open');
  await kiosk.enterPassword(fresh);
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await expect(page.getByText('Je bent nu klaar en mag deze pagina sluiten.')).toBeVisible();
});
