// The birthdate step's error paths. Unknown user, wrong birthdate, no mobile and a disabled account must
// look exactly alike (no enumeration); the text follows the manual. An impossible date gets a format message.
import { expect, test } from './support/fixtures.js';
import type { Kiosk } from './support/kiosk.js';
import { ANNA, DISABLED, NO_MOBILE, unknownUser } from '../helpers/demo-users.js';

// The manual: "dan heb je je geboortedatum (dd-mm-jjjj) wellicht niet goed ingegeven of is je mobiele
// telefoonnummer waarschijnlijk niet goed geregistreerd" — one idea per line.
const IDENTITY_FAILED = 'Je geboortedatum is wellicht niet goed ingegeven.';
const PROBABLY = 'Klopt de datum? Dan is je mobiele nummer waarschijnlijk niet goed geregistreerd.';
/** Tries left are counted per typed name (the same for unknown and known names): not part of the comparison. */
const TRIES = /Je kunt het nog \d+ keer proberen\./;

async function refusal(kiosk: Kiosk, username: string, birthdate: string): Promise<string> {
  await kiosk.open();
  await kiosk.enterUsername(username);
  await kiosk.enterBirthdate(birthdate);
  await expect(kiosk.alert).toContainText(IDENTITY_FAILED);
  const text = await kiosk.alert.innerText();
  expect(text).toMatch(TRIES);
  return text.replace(TRIES, 'TRIES');
}

test('a wrong birthdate gets the manual\'s message, short, with the registration path', async ({ kiosk, page }) => {
  const text = await refusal(kiosk, ANNA.username, '02-10-1984');
  expect(text).toContain(PROBABLY);
  // config `mobileRegistration`, the manual's path
  expect(text).toContain('Je nummer staat in de Talent & Salaris app of het webportaal → Mijn gegevens → Zakelijk mobiel.');
  // The servicedesk once per screen: in the footer, not repeated in the alert.
  expect(text).not.toContain('0485');
  for (const contact of ['Servicedesk ICT', '0485 – 845 900', 'servicedesk@pantein.nl']) await expect(page.getByRole('contentinfo')).toContainText(contact);
  // The user stays on the step, the field is marked and described by the error, and can try again.
  await expect(kiosk.field('birthdate')).toHaveAttribute('aria-invalid', 'true');
  await expect(kiosk.field('birthdate')).toHaveAccessibleDescription(/wellicht niet goed ingegeven/);
});

test('an unknown user, a user without mobile and a disabled user get the very same answer', async ({ kiosk }) => {
  const wrongDate = await refusal(kiosk, ANNA.username, '01-10-1985');
  expect(await refusal(kiosk, unknownUser(), ANNA.birthdate)).toBe(wrongDate);
  expect(await refusal(kiosk, NO_MOBILE.username, NO_MOBILE.birthdate)).toBe(wrongDate);
  expect(await refusal(kiosk, DISABLED.username, DISABLED.birthdate)).toBe(wrongDate);
});

test('an impossible date gets the format message, not a refusal', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  for (const date of ['31-02-1990', '1984-10-01', 'gisteren']) {
    await kiosk.enterBirthdate(date);
    await expect(kiosk.alert).toContainText('Vul je geboortedatum in als dd-mm-jjjj, bijvoorbeeld 01-10-1984.');
    await expect(kiosk.alert).not.toContainText(IDENTITY_FAILED);
  }
});

test('an empty username asks for one', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.next();
  await expect(kiosk.alert).toContainText('Vul je gebruikersnaam in.');
  await expect(kiosk.field('username')).toBeVisible();
});
