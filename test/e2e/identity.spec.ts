// The birthdate step's error paths. Unknown user, wrong birthdate, no mobile and a disabled account must
// look exactly alike (no enumeration); the text follows the manual. An impossible date gets a format message.
import { expect, test } from './support/fixtures.js';
import type { Kiosk } from './support/kiosk.js';
import { ANNA, DISABLED, NO_MOBILE, unknownUser } from '../helpers/demo-users.js';

// The manual's meaning ("je geboortedatum wellicht niet goed ingegeven of je mobiele telefoonnummer waarschijnlijk
// niet goed geregistreerd"), as the text review rewrote it: both causes as equals, and a right date is not repeated.
const IDENTITY_FAILED = 'Het lukt niet met deze gegevens.';
const CAUSES = 'Een typfout in je naam of datum? Of je mobiele nummer staat niet goed.';
const DONT_REPEAT = 'Klopt alles? Probeer het dan niet opnieuw. Bel 0485 – 845 900.';
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

test("a wrong birthdate gets the manual's meaning, short, with the number and the registration path one tap away", async ({
  kiosk,
  page,
}) => {
  const text = await refusal(kiosk, ANNA.username, '02-10-1984');
  expect(text).toContain(CAUSES);
  expect(text).toContain(DONT_REPEAT); // the number in the message itself: the footer may be below the fold
  // config `mobileRegistration`, the manual's path, folded under one line
  const more = kiosk.alert.getByText('Je nummer goed zetten');
  await more.click();
  await expect(kiosk.alert).toContainText(
    'Zet je nummer in de Talent & Salaris app of het webportaal → Mijn gegevens → Zakelijk mobiel.',
  );
  for (const contact of ['Servicedesk ICT', '0485 – 845 900', 'servicedesk@pantein.nl'])
    await expect(page.getByRole('contentinfo')).toContainText(contact);
  // The user stays on the step, the field is marked and described by the error, and can try again.
  await expect(kiosk.field('birthdate')).toHaveAttribute('aria-invalid', 'true');
  await expect(kiosk.field('birthdate')).toHaveAccessibleDescription(/Het lukt niet met deze gegevens/);
});

test('an unknown user, a user without mobile and a disabled user get the very same answer', async ({ kiosk }) => {
  const wrongDate = await refusal(kiosk, ANNA.username, '01-10-1985');
  expect(await refusal(kiosk, unknownUser(), ANNA.birthdate)).toBe(wrongDate);
  expect(await refusal(kiosk, NO_MOBILE.username, NO_MOBILE.birthdate)).toBe(wrongDate);
  expect(await refusal(kiosk, DISABLED.username, DISABLED.birthdate)).toBe(wrongDate);
});

test('an impossible date or a 2-digit year gets the format message ("het jaar heeft 4 cijfers"), not a refusal', async ({
  kiosk,
}) => {
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  for (const date of ['31-02-1990', '1984-10-01', 'gisteren', '23-07-90', '23 07 90']) {
    await kiosk.enterBirthdate(date);
    await expect(kiosk.alert).toContainText(
      'Vul hem in als dag-maand-jaar, bijvoorbeeld 01-10-1984. Het jaar heeft 4 cijfers.',
    );
    await expect(kiosk.alert).not.toContainText(IDENTITY_FAILED);
  }
});

test('a birthdate with spaces or as 8 digits is read as day-month-year (the hint says so)', async ({ kiosk, page }) => {
  for (const [user, typed] of [
    [NO_MOBILE, NO_MOBILE.birthdate.replaceAll('-', ' ')],
    [NO_MOBILE, NO_MOBILE.birthdate.replaceAll('-', '')],
  ] as const) {
    await kiosk.open();
    await kiosk.enterUsername(user.username);
    await expect(page.getByText('Dag-maand-jaar, bijvoorbeeld 01-10-1984 of 01101984')).toBeVisible();
    await kiosk.enterBirthdate(typed);
    await expect(kiosk.alert).toContainText(IDENTITY_FAILED); // checked (no mobile), not a format message
  }
});

test('an empty username asks for one', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.next();
  await expect(kiosk.alert).toContainText('Vul je gebruikersnaam in.');
  await expect(kiosk.field('username')).toBeVisible();
});
