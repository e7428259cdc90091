// The birthdate step's error paths. Unknown user, wrong birthdate, no mobile and a disabled account must
// look exactly alike (no enumeration); the text follows the manual. An impossible date gets a format message.
import { expect, test } from './support/fixtures.js';
import type { Kiosk } from './support/kiosk.js';
import { ANNA, DISABLED, NO_MOBILE, unknownUser } from '../helpers/demo-users.js';

const IDENTITY_FAILED = 'Je geboortedatum is wellicht niet goed ingegeven of je mobiele telefoonnummer is niet goed geregistreerd.';

async function refusal(kiosk: Kiosk, username: string, birthdate: string): Promise<string> {
  await kiosk.open();
  await kiosk.enterUsername(username);
  await kiosk.enterBirthdate(birthdate);
  await expect(kiosk.alert).toContainText(IDENTITY_FAILED);
  return kiosk.alert.innerText();
}

test('a wrong birthdate gets the manual\'s message with the servicedesk contact', async ({ kiosk }) => {
  const text = await refusal(kiosk, ANNA.username, '02-10-1984');
  for (const contact of ['Servicedesk ICT', '0485 – 845 900', 'servicedesk@pantein.nl']) expect(text).toContain(contact);
  expect(text).toContain('bij "Zakelijk mobiel" in de Talent & Salaris app'); // config `mobileRegistration`
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
