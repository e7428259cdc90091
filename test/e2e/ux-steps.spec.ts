// Issue 15, point 10, with issue 24: a page title per step; the cursor in the field on every step, which is
// described by the heading with its counter; lang on the
// organisation's Dutch names in the English page; a number pad for the birthdate; tel:/mailto: on the web; the
// channel's name from the config ("de SMSPasscode app", as the manual says); the web host's own words at the end.
import { expect, test } from './support/fixtures.js';
import { SIZE_HOST } from './support/servers.js';
import { ANNA, strongPassword, unknownUser } from '../helpers/demo-users.js';

test('every step has its own title and puts the cursor in its field, described by the heading with the step counter', async ({
  kiosk,
  page,
}) => {
  await page.clock.install();
  await kiosk.open();
  await expect(page).toHaveTitle('Gebruikersnaam (stap 1 van 4) – Pantein · Wachtwoord vergeten');
  await kiosk.next();
  await expect(page).toHaveTitle(/^Fout: Gebruikersnaam \(stap 1 van 4\)/); // an error is in the title too

  await kiosk.enterUsername(ANNA.username);
  await expect(page).toHaveTitle('Geboortedatum (stap 2 van 4) – Pantein · Wachtwoord vergeten');
  await kiosk.expectStep('Je geboortedatum');
  await expect(kiosk.heading).toHaveAccessibleName(/^Stap 2 van 4\s*:\s*Je geboortedatum$/);
  await expect(kiosk.field('birthdate')).toHaveAttribute('inputmode', 'numeric');

  const mark = kiosk.outbox.mark();
  await kiosk.enterBirthdate(ANNA.birthdate);
  await expect(page).toHaveTitle('Wachtwoordcode (stap 3 van 4) – Pantein · Wachtwoord vergeten');
  await kiosk.expectStep('Vul de wachtwoordcode in');
  await expect(kiosk.heading).toHaveAccessibleName(/^Stap 3 van 4/);
  await expect(kiosk.field('code')).toBeFocused();
  await expect(
    page.getByText('We hebben je via de SMSPasscode app een code gestuurd. Je nummer eindigt op 78.'),
  ).toBeVisible();
  await kiosk.enterCode((await kiosk.outbox.codeFor(ANNA.mobile, mark)).code);
  await expect(page).toHaveTitle('Nieuw wachtwoord (stap 4 van 4) – Pantein · Wachtwoord vergeten');
  await kiosk.expectStep('Kies een nieuw wachtwoord');

  await kiosk.enterPassword(strongPassword());
  await expect(page).toHaveTitle('Je wachtwoord is opnieuw ingesteld – Pantein · Wachtwoord vergeten');
  await expect(kiosk.heading).toBeFocused();
  // The web host's words (the kiosk's: ux-kiosk.spec.ts); on her own device the page stays until she leaves.
  await expect(page.getByText('Je bent nu klaar en mag deze pagina sluiten.')).toBeVisible();
  await expect(page.getByText(/sluit dit scherm/)).toHaveCount(0);
  await page.clock.runFor(SIZE_HOST.doneSeconds * 1000 + 2000);
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await kiosk.button('Terug naar het begin').click();
  await kiosk.expectStart();
  await expect(kiosk.field('username')).toBeFocused(); // typing lands in the field again
});

test('the English page marks the organisation\'s Dutch names with lang="nl"', async ({ kiosk, page }) => {
  await kiosk.open();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Username', { exact: true }).fill(unknownUser());
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Date of birth', { exact: true }).fill('01-01-1980');
  await page.getByRole('button', { name: 'Next' }).click();
  await kiosk.alert.getByText('Putting your number right').click();
  await expect(kiosk.alert).toContainText(
    'Enter your number in the Talent & Salaris app or web portal → Mijn gegevens → Zakelijk mobiel.',
  );
  await expect(kiosk.alert.locator('[lang="nl"]')).toHaveText('Mijn gegevens → Zakelijk mobiel');
  await expect(page.getByText('via the SMSPasscode app')).toHaveCount(0); // only on the code step and the intro
});

test('on the web the servicedesk is one tap away (tel:, mailto:), once per screen', async ({ kiosk, page }) => {
  await kiosk.open();
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: '0485 – 845 900' })).toHaveAttribute('href', 'tel:0485845900');
  await expect(footer.getByRole('link', { name: 'servicedesk@pantein.nl' })).toHaveAttribute(
    'href',
    'mailto:servicedesk@pantein.nl',
  );
  await kiosk.next();
  await expect(kiosk.alert).toBeVisible();
  await expect(page.getByText('0485 – 845 900')).toHaveCount(1); // "Vul je gebruikersnaam in" needs no call
});

test('a compact header; the unlock choice one Tab from the field and in view without scrolling', async ({
  kiosk,
  page,
}) => {
  await kiosk.open();
  const viewport = page.viewportSize()!;
  const header = (await page.getByRole('banner').boundingBox())!;
  console.log(
    `header at ${viewport.width}×${viewport.height}: ${Math.round(header.height)} px (${((header.height / viewport.height) * 100).toFixed(1)} % of the screen)`,
  );
  expect(header.height / viewport.height).toBeLessThan(0.1); // it was 34 % on a phone
  const choice = kiosk.button('Account geblokkeerd? Ontgrendel je account');
  await expect(choice).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Tab');
  await expect(choice).toBeFocused();
});
