// The servicedesk page in Chromium, by labels and roles, axe-clean on every page: an agent signs in, finds
// A.Janssen, verifies her by the code from the SMS outbox, lifts her block with a reason and sees it among her
// events; the manager's usage page shows charts for the seeded trail and its CSV holds the same numbers.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from '../e2e/support/axe.js';
import { deskHost } from './host.js';
import { SEEDED } from './seed.js';

const host = deskHost();
const codeInOutbox = () => {
  const last = readFileSync(host.outbox, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { to: string; body: string })
    .at(-1)!;
  expect(last.body).toMatch(/^De servicedesk vraagt je deze code voor te lezen: \d{6}$/);
  return /(\d{6})$/.exec(last.body)![1]!;
};

async function signIn(page: Page, username: string, password: string) {
  await page.goto('./');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test('an agent verifies A.Janssen by the code on her phone and lifts her block with a reason', async ({
  page,
  request,
}) => {
  // A.Janssen blocks herself in the wizard: five wrong birthdates.
  for (let i = 0; i < 5; i++) {
    const { sessionId } = (await (
      await request.post(`${host.wizardUrl}/api/start`, { data: { username: 'A.Janssen' } })
    ).json()) as { sessionId: string };
    await request.post(`${host.wizardUrl}/api/verifyIdentity`, { data: { sessionId, birthdate: `0${i + 2}-02-1990` } }); // five different wrong dates (a repeated one counts once)
  }
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await signIn(page, 'sd.demo', 'wrong-password');
  await expect(page.getByRole('alert')).toContainText('Aanmelden lukt niet');
  await expectAccessible(page, 'sign-in refused');
  await page.getByLabel('Wachtwoord').fill('Servicedesk#Demo1');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persoon zoeken' })).toBeVisible();

  await page.getByLabel('Gebruikersnaam van de beller').fill('a.janssen');
  await page.keyboard.press('Enter');
  const person = page.getByRole('heading', { level: 2, name: 'A.Janssen' });
  await expect(person).toBeFocused();
  await expect(page.getByText('ja, eindigt op 78')).toBeVisible();
  const spent = page
    .getByRole('row')
    .filter({ hasText: /geboortedatum/ })
    .filter({ hasText: '5 / 5' });
  await expect(spent.first()).toContainText('(5×)'); // a spent birthdate budget, and what spent it: the wizard's client, five times
  await expectAccessible(page, 'person page');

  await page.getByRole('button', { name: 'Stuur code naar mobiel (eindigt op 78)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Code verstuurd' })).toBeVisible();
  await page.getByLabel('Code die de beller voorleest').fill(codeInOutbox());
  await page.getByRole('button', { name: 'Controleer code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De code klopt' })).toBeVisible();

  await page.getByLabel('Reden (verplicht)').fill('Belde na nachtdienst, code voorgelezen');
  await page.getByRole('button', { name: 'Blokkade opheffen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Blokkade opgeheven. De beller was geverifieerd.' }),
  ).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^nee$/ }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: /geboortedatum/ })).toHaveCount(0);
  const events = page.getByRole('table', { name: 'Laatste gebeurtenissen' });
  await expect(events.getByRole('cell', { name: 'desk_unblock_verified' })).toBeVisible();
  await expect(events.getByRole('cell', { name: 'desk:sd.demo' }).first()).toBeVisible();
  await expectAccessible(page, 'person page after the lift');

  await page.setViewportSize({ width: 768, height: 1024 }); // a tablet
  await expectAccessible(page, 'person page on a tablet');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
});

test('the manager sees charts of the seeded trail, and the CSV holds the same numbers', async ({ page }) => {
  await signIn(page, 'mgr.demo', 'Manager#Demo1');
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruik' })).toBeVisible();
  const totals = page.getByRole('list', { name: 'Gebruik' });
  await expect(totals.getByRole('listitem').filter({ hasText: 'Nieuwe wachtwoorden' })).toContainText(
    String(SEEDED.resets),
  );
  await expect(totals.getByRole('listitem').filter({ hasText: 'Ontgrendeld' })).toContainText(String(SEEDED.unlocks));
  // Refusals: the seeded 10, plus whatever the other tests caused today.
  for (const name of [
    'Nieuwe wachtwoorden: 15 in totaal',
    'Ontgrendeld: 5 in totaal',
    /^Waarom het niet lukt: (1\d|[2-9]\d) in totaal$/,
  ]) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  await expectAccessible(page, 'usage page');
  await page.setViewportSize({ width: 768, height: 1024 }); // a tablet
  await expectAccessible(page, 'usage page on a tablet');
  await page.setViewportSize({ width: 1280, height: 800 });
  // An auditor has no actions: the person page shows no buttons that change anything.
  await page.getByRole('link', { name: 'Persoon zoeken' }).click();
  await page.getByLabel('Gebruikersnaam van de beller').fill('A.Janssen');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'A.Janssen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Blokkade opheffen' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Gebruik' }).click();

  // The audit search: what the servicedesk did (the seeded lift, with its reason).
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit doorzoeken' })).toBeFocused();
  await page.getByLabel('Alleen acties van de servicedesk').check();
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const found = page.getByRole('table', { name: 'Audit doorzoeken' });
  await expect(found.getByRole('row').filter({ hasText: SEEDED.reason })).toContainText('desk:sd.demo');
  await expectAccessible(page, 'audit search');
  await page.getByRole('link', { name: 'Gebruik' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const days = csv
    .split('\r\n\r\n')[0]!
    .split('\r\n')
    .slice(1)
    .map((r) => r.split(',').slice(1, 5).map(Number));
  const sum = days.reduce((a, r) => a.map((x, i) => x + r[i]!), [0, 0, 0, 0]);
  expect(sum.slice(0, 2)).toEqual([SEEDED.resets, SEEDED.unlocks]);
  expect(sum[2]).toBeGreaterThanOrEqual(SEEDED.refusals);
  expect(csv).not.toMatch(/seed\.user|janssen/i);
});

test('in English, by keyboard alone', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').focus();
  await page.keyboard.type('sd.demo');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('Servicedesk#Demo1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await expect(page.getByLabel("Caller's username")).toBeFocused();
  await page.keyboard.type('PANTEIN\\m.bakker');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'M.Bakker' })).toBeFocused();
  await expect(page.getByText('The account is locked in AD.')).toBeVisible();
  await expectAccessible(page, 'person page in English');
});

test('after 15 idle minutes the page forgets the person and shows the sign-in', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'sd.demo', 'Servicedesk#Demo1');
  await page.getByLabel('Gebruikersnaam van de beller').fill('A.Janssen');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'A.Janssen' })).toBeVisible();
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('heading', { level: 2, name: 'A.Janssen' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Je bent afgemeld');
  await expect(page.getByText('A.Janssen')).toHaveCount(0);
});

test('README screenshots of the person page and the usage page @screenshot', async ({ page, request }) => {
  for (let i = 0; i < 5; i++) {
    const { sessionId } = (await (
      await request.post(`${host.wizardUrl}/api/start`, { data: { username: 'M.Bakker' } })
    ).json()) as { sessionId: string };
    await request.post(`${host.wizardUrl}/api/verifyIdentity`, { data: { sessionId, birthdate: `0${i + 2}-02-1990` } }); // five different wrong dates (a repeated one counts once)
  }
  await signIn(page, 'sd.demo', 'Servicedesk#Demo1');
  await page.getByLabel('Gebruikersnaam van de beller').fill('M.Bakker');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'M.Bakker' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot-desk-person.png', fullPage: true });
  await page.getByRole('link', { name: 'Gebruik' }).click();
  await expect(page.getByRole('img', { name: /Nieuwe wachtwoorden/ })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot-desk-usage.png', fullPage: true });
});
