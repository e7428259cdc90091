// The banned-password rule and the directory's own policy, as a user meets them on the demo: the seventh rule
// stays open while typing (the list lives on the server) and fails on Volgende for the passwords attackers spray
// first; a long unusual password goes through. A user with a stricter policy (a PSO) sees her real minimum.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './support/fixtures.js';
import { ANNA, LOTTE } from '../helpers/demo-users.js';

const NOT_MET = 'Je nieuwe wachtwoord voldoet nog niet aan de eisen.';
const OTHERS = ['length', 'upper', 'digit', 'punctuation', 'names'];

test('the spraying favourites are refused by the banned rule on Volgende; a long unusual password is accepted', async ({
  kiosk,
  page,
}) => {
  await kiosk.reachPasswordStep(ANNA);
  await expect(kiosk.rule('banned')).toHaveText(
    /Geen veelgebruikt of makkelijk te raden wachtwoord, zoals Welkom01!\s*\(we controleren dit na Volgende\)/,
  );
  const year = new Date().getFullYear(); // the examples say 2026: the year words follow the clock
  for (const password of ['Welkom01!', `Zomer${year}!`, `W3lk0m${year}!`, `Pantein#${year}`, `Topdesk${year}!`]) {
    await kiosk.field('password').fill(password);
    for (const rule of OTHERS) await kiosk.expectRule(rule, 'met');
    await kiosk.expectRule('banned', 'open'); // judged by the server only
    await kiosk.field('repeat').fill(password);
    await kiosk.next();
    await expect(kiosk.alert).toContainText(NOT_MET);
    await kiosk.expectRule('banned', 'failed');
  }
  // Each of those was one of the session's 10 server checks: before the last two, the page says so.
  for (const password of [`Winter${year}!`, `Lente${year}!`, `Maandag${year}!`]) await kiosk.enterPassword(password);
  await expect(kiosk.alert).toContainText(NOT_MET);
  await expect(page.getByRole('status').filter({ hasText: 'Let op' })).toHaveText(
    'Let op: je kunt nog 2 wachtwoorden laten controleren. Daarna begin je opnieuw.',
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => v.id),
    'axe with the banned rule failed',
  ).toEqual([]);
  await kiosk.enterPassword('Kwal-Fiets-Regen-73');
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
});

test('a stricter policy from the directory (a PSO) shows in the first rule and is held before the write', async ({
  kiosk,
}) => {
  await kiosk.reachPasswordStep(LOTTE);
  await expect(kiosk.rule('length')).toContainText('Minimaal 14 tekens');
  await expect(kiosk.rule('history')).toContainText('Geen van je laatste 10 wachtwoorden');
  await kiosk.enterPassword('Kwal-Fiets-73'); // 13 characters: enough for the manual, not for her policy
  await expect(kiosk.alert).toContainText(NOT_MET);
  await kiosk.expectRule('length', 'failed');
  await kiosk.enterPassword('Kwal-Fiets-Regen-73');
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
});
