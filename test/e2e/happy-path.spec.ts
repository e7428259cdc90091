// The acceptance walk of issue 4: A.Janssen resets her password with only the manual's labels and the
// code from the SMS outbox; a second reset with the same password is then refused by the history rule.
import { expect, test } from './support/fixtures.js';
import { ANNA, strongPassword } from '../helpers/demo-users.js';

const APPLICATIONS = ['Computer inlog', 'Pantein Webmail', 'Topdesk', 'Visma']; // a few of the manual's 15

test('A.Janssen resets her password from start to finish', async ({ kiosk, page }) => {
  await kiosk.open();
  await expect(page).toHaveTitle(/Pantein/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await kiosk.field('username').fill(ANNA.username);
  await kiosk.field('username').press('Enter'); // keyboard only: Enter is Volgende
  await kiosk.expectStep('Je geboortedatum'); // the heading has the focus, and is read with the step counter
  await expect(kiosk.heading).toHaveAccessibleName(/^Stap 2 van 4\s*:\s*Je geboortedatum$/);
  await page.keyboard.press('Tab');
  await expect(kiosk.field('birthdate')).toBeFocused(); // one Tab into the field
  await expect(page.getByText('dd-mm-jjjj, bijvoorbeeld 01-10-1984')).toBeVisible();
  await expect(page.getByText('Gebruikersnaam: A.Janssen')).toBeVisible(); // a typo can be spotted

  const mark = kiosk.outbox.mark();
  await kiosk.enterBirthdate(ANNA.birthdate);
  await kiosk.expectStep('Vul de code in');
  await expect(page.getByText('•• •• •• 78')).toBeVisible();
  await expect(page.getByText('De code is 5 minuten geldig.')).toBeVisible();
  await expect(kiosk.field('code')).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(kiosk.field('code')).toHaveAttribute('inputmode', 'numeric');
  const { code, sms } = await kiosk.outbox.codeFor(ANNA.mobile, mark);
  expect(sms.body).toContain('Pantein'); // Dutch template, organisation name

  await kiosk.enterCode(code);
  await kiosk.expectStep('Kies een nieuw wachtwoord');
  await expect(kiosk.field('password')).toHaveAttribute('type', 'password');
  await expect(kiosk.field('password')).toHaveAttribute('autocomplete', 'new-password');

  const password = strongPassword();
  await kiosk.enterPassword(password);
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await expect(kiosk.heading).toBeFocused();
  await expect(page.getByText('Je bent nu klaar en mag dit venster sluiten.')).toBeVisible(); // the web host's words
  const apps = page.getByRole('list', { name: 'Je nieuwe wachtwoord geldt tevens voor de volgende applicaties:' });
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
  await expect(page.getByText('Je bent nu klaar en mag dit venster sluiten.')).toBeVisible();
});
