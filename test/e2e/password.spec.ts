// The password step: the live checklist of the manual's rules (a password it refuses is answered at once, without a
// server check; the server's own verdict: flow-password-rules.test.ts and banned.spec.ts),
// the name rule (case- and accent-insensitive), a mismatch of the two entries, and the show/hide toggle.
import { expect, test } from './support/fixtures.js';
import { ANNA, ELEONORE, MARIEKE, strongPassword } from '../helpers/demo-users.js';

const RULES = ['length', 'upper', 'digit', 'punctuation', 'names'] as const;
const NOT_MET = 'Je nieuwe wachtwoord voldoet nog niet aan de eisen.';

// Each password breaks exactly one rule for Anna Janssen.
const BREAKS: Record<(typeof RULES)[number], string> = {
  length: 'Tu#1pZo',
  upper: 'tulp#1234zon',
  digit: 'Tulp#abcdZon',
  punctuation: 'Tulp12345Zon',
  names: 'Anna#2024xyz',
};

test('every rule is checked live while typing, and a broken one refused at once on Volgende', async ({ kiosk }) => {
  await kiosk.reachPasswordStep(ANNA);
  for (const id of [...RULES, 'history', 'banned']) await kiosk.expectRule(id, 'open'); // nothing typed: nothing failed yet
  await expect(kiosk.rule('history')).toContainText('we controleren dit na Volgende');

  for (const [broken, password] of Object.entries(BREAKS)) {
    await kiosk.field('password').fill(password);
    await kiosk.expectRule(broken, 'failed');
    for (const other of RULES.filter((r) => r !== broken)) await kiosk.expectRule(other, 'met');

    await kiosk.field('repeat').fill(password);
    await kiosk.next();
    await expect(kiosk.alert).toContainText(NOT_MET);
    await kiosk.expectRule(broken, 'failed');
    await expect(kiosk.field('password')).toHaveAttribute('aria-invalid', 'true');
  }

  await kiosk.enterPassword(strongPassword());
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
});

test('the name rule ignores case and accents', async ({ kiosk }) => {
  await kiosk.reachPasswordStep(ELEONORE);
  for (const password of ['Eleonore#2024', 'xDUBOIS#2024', 'Éléonore!99x']) {
    await kiosk.field('password').fill(password);
    await kiosk.expectRule('names', 'failed');
  }
  await kiosk.enterPassword('Eleonore#2024');
  await expect(kiosk.alert).toContainText(NOT_MET);
  await kiosk.expectRule('names', 'failed');
});

test('two different entries are refused as a mismatch', async ({ kiosk }) => {
  await kiosk.reachPasswordStep(MARIEKE);
  const password = strongPassword();
  await kiosk.enterPassword(password, `${password}x`);
  await expect(kiosk.alert).toContainText('De twee wachtwoorden zijn niet gelijk.');
  await expect(kiosk.field('repeat')).toHaveAttribute('aria-invalid', 'true');

  await kiosk.field('repeat').fill(password);
  await kiosk.next();
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
});

test('each eye reveals and hides its own entry', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(MARIEKE);
  await kiosk.field('password').fill('Geheim#1');
  const eyes = page.getByRole('button', { name: 'Toon wachtwoord' });
  await eyes.first().click();
  await expect(kiosk.field('password')).toHaveAttribute('type', 'text');
  await expect(kiosk.field('repeat')).toHaveAttribute('type', 'password');
  await eyes.last().click();
  await expect(kiosk.field('repeat')).toHaveAttribute('type', 'text');
  await eyes.first().click();
  await expect(kiosk.field('password')).toHaveAttribute('type', 'password');
  await expect(kiosk.field('password')).toHaveValue('Geheim#1');
});
