// Issue 15, points 5–7, and issue 24: short, calm refusals in the manual's words, each with the servicedesk's
// number; a warning before the last birthdate try; block texts that say how long and keep the causes; the nurse
// without a mobile is not trapped by repeating her right date; after three wrong codes a new code at once, the
// button focusable and saying when it waits. Runs at both sizes on hosts with the product's limits (5 tries, 30 s
// resend wait).
import { expect, test } from './support/fixtures.js';
import { SIZE_HOST } from './support/servers.js';
import { LOTTE, MARIEKE, NO_MOBILE, unknownUser } from '../helpers/demo-users.js';

/** The DOM the line count reads, typed by shape: the Node-side tsconfig has no DOM lib (as in offline-page.spec.ts). */
type Paragraph = { getBoundingClientRect(): { height: number } };
type Alert = {
  querySelectorAll(selector: string): Iterable<Paragraph>;
  ownerDocument: { defaultView: { getComputedStyle(p: Paragraph): { lineHeight: string } } | null };
};

/** A 6-digit code that is certainly not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('the identity refusal is short, counts down different dates, warns before the last and then says how long', async ({
  kiosk,
  page,
}) => {
  await kiosk.open();
  await kiosk.enterUsername(unknownUser()); // tries count per typed name: the same for known and unknown names
  const left = SIZE_HOST.identityTries;
  const date = (i: number) => `0${i}-01-1980`; // different dates: a repeat of one date counts once
  for (let i = 1; i < left - 1; i++) {
    await kiosk.enterBirthdate(date(i));
    await expect(kiosk.alert).toContainText(`Je kunt het nog ${left - i} keer proberen.`);
  }
  const lines = (await kiosk.alert.locator(':scope > p').allInnerTexts()).map((l) => l.replaceAll('\u00a0', ' '));
  expect(lines).toEqual([
    'Het lukt niet met deze gegevens.',
    'Een typfout in je naam of datum? Of je mobiele nummer staat niet goed.',
    'Klopt alles? Probeer het dan niet opnieuw. Bel 0485 – 845 900.',
    'Je kunt het nog 2 keer proberen.',
  ]);
  await expect(kiosk.alert).toBeInViewport();
  await expect(kiosk.field('birthdate')).toBeInViewport(); // the field is not pushed below the fold
  await expect(kiosk.button('Volgende')).toBeInViewport();
  // At most 6 lines of text on a phone (390 px), measured at the alert's own line height (the folded "Je nummer
  // goed zetten" below them is a control, one more line).
  const { height, lineHeight } = await kiosk.alert.evaluate((el: Alert) => {
    const ps = [...el.querySelectorAll(':scope > p')];
    return {
      height: ps.reduce((h, p) => h + p.getBoundingClientRect().height, 0),
      lineHeight: parseFloat(el.ownerDocument.defaultView!.getComputedStyle(ps[0]!).lineHeight),
    };
  });
  const rendered = Math.round(height / lineHeight);
  console.log(`identity refusal at ${page.viewportSize()!.width} px: ${rendered} lines`);
  if (page.viewportSize()!.width <= 390) expect(rendered).toBeLessThanOrEqual(6);

  await kiosk.enterBirthdate(date(left - 1));
  await expect(kiosk.alert).toContainText(
    'Let op: nog 1 poging. Daarna kun je hier een tijd geen nieuw wachtwoord aanvragen.',
  );
  await kiosk.enterBirthdate(date(left));
  await expect(kiosk.alert).toContainText('Je kunt het hier nu een tijd niet meer proberen.');
  await expect(kiosk.alert).not.toContainText(/probeer het (dan )?opnieuw/i); // no "try again" next to "blocked"
  await kiosk.enterBirthdate(date(left + 1));
  await expect(kiosk.alert).toContainText('Je kunt hier nu geen nieuw wachtwoord aanvragen.');
  await expect(kiosk.alert).toContainText('Dat kan weer over 24 uur; zo beschermen we je account.');
  await expect(kiosk.alert).toContainText('Klopte je datum wel? Dan staat je mobiele nummer waarschijnlijk niet goed.'); // the causes stay
  await expect(kiosk.alert).toContainText('Eerder nodig? Bel de servicedesk: 0485 – 845 900.');
});

test('the nurse without a usable mobile: the same right date 6 times is counted once and never blocks her', async ({
  kiosk,
}) => {
  await kiosk.open();
  await kiosk.enterUsername(NO_MOBILE.username);
  for (let i = 0; i < SIZE_HOST.identityTries + 1; i++) {
    await kiosk.enterBirthdate(NO_MOBILE.birthdate);
    await expect(kiosk.alert).toContainText('Klopt alles? Probeer het dan niet opnieuw. Bel 0485 – 845 900.');
    // The first try counted; every repeat of the same date left the count where it was.
    await expect(kiosk.alert).toContainText(`Je kunt het nog ${SIZE_HOST.identityTries - 1} keer proberen.`);
  }
  await expect(kiosk.alert).not.toContainText('Je kunt hier nu geen nieuw wachtwoord aanvragen.');
});

test('after three wrong codes a new code comes at once; before that the button is focusable and says when', async ({
  kiosk,
  page,
}) => {
  await kiosk.open();
  const code = await kiosk.requestCode(MARIEKE);
  const resend = page.getByRole('button', { name: /^Nieuwe code sturen/ });
  await expect(resend).toHaveAttribute('aria-disabled', 'true');
  await expect(resend).toHaveText(/^Nieuwe code sturen \(over (2\d|30) seconden\)$/);
  await resend.focus();
  await expect(resend).toBeFocused(); // not skipped by Tab while it waits
  const box = await resend.boundingBox();
  expect(box!.height).toBeLessThan(90); // "25 s" does not wrap into a column

  for (let i = 0; i < 3; i++) await kiosk.enterCode(wrong(code));
  await expect(kiosk.alert).toContainText('Deze code is te vaak verkeerd ingevuld en werkt niet meer.');
  await expect(kiosk.field('code')).toHaveValue(wrong(code)); // what she typed stays: she can see her typo
  await expect(kiosk.button('Nieuwe code sturen')).toBeFocused();
  await expect(kiosk.button('Nieuwe code sturen')).not.toHaveAttribute('aria-disabled');
  const mark = kiosk.outbox.mark();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe code' })).toHaveText(
    'Nieuwe code gestuurd. Gebruik de code uit de nieuwste sms.',
  );
  const fresh = await kiosk.outbox.codeFor(MARIEKE.mobile, mark);
  await expect(kiosk.field('code')).toBeFocused();
  await kiosk.enterCode(fresh.code);
  await kiosk.expectStep('Kies een nieuw wachtwoord');
});

test('started again within 30 s: "a code was just sent", a live countdown, her date not marked wrong, then on by itself', async ({
  kiosk,
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', "real time (the product's 30 s): one size is enough");
  test.setTimeout(90_000);
  await kiosk.open();
  await kiosk.requestCode(LOTTE);
  await kiosk.cancel();
  await kiosk.button('Ja, stoppen').click();
  await kiosk.expectStart();

  await kiosk.enterUsername(LOTTE.username);
  const mark = kiosk.outbox.mark();
  await kiosk.enterBirthdate(LOTTE.birthdate);
  const wait = page.getByRole('status').filter({ hasText: 'Er is net al een code naar je telefoon gestuurd.' });
  await expect(wait).toBeVisible();
  await expect(kiosk.alert).toHaveCount(0); // nothing is wrong
  await expect(kiosk.field('birthdate')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(kiosk.field('birthdate')).toHaveValue(LOTTE.birthdate);
  const seconds = async () => Number(/Over (\d+) seconden/.exec(await wait.innerText())?.[1]);
  const first = await seconds();
  expect(first).toBeGreaterThan(10);
  await expect.poll(seconds, { timeout: 5000 }).toBeLessThan(first); // it counts down, live
  // No key pressed: when the time is up the wizard goes on by itself, and the text arrives.
  await expect(kiosk.field('code')).toBeVisible({ timeout: 40_000 });
  await kiosk.outbox.codeFor(LOTTE.mobile, mark);
});
