// WCAG 2.2 A and AA, checked by axe-core on every step of the wizard in the states people meet — empty, each
// error, the last-try warning, the blocks, the idle warning and the wipe notice, the live checklist, the kiosk's
// success screen, English — at 1920×1080 and 390×844 (playwright.config.ts projects), and at 200 % zoom.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { Kiosk, LABELS } from './support/kiosk.js';
import { asKiosk } from './support/kiosk-host.js';
import { Outbox } from './support/outbox.js';
import { servers } from './support/servers.js';
import { ANNA, ELEONORE, MARIEKE, strongPassword, unknownUser } from '../helpers/demo-users.js';

const json = (body: object) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The whole walk: every step and the errors a person can meet on it. */
async function walk(kiosk: Kiosk, page: Page, user = MARIEKE): Promise<void> {
  await page.clock.install();
  await kiosk.open();
  await expectAccessible(page, 'username');
  await kiosk.next();
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'username with error');

  await kiosk.enterUsername(unknownUser());
  await expectAccessible(page, 'birthdate');
  await kiosk.enterBirthdate('31-02-1990');
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'birthdate format error');
  for (let i = 0; i < 4; i++) await kiosk.enterBirthdate(`0${i + 1}-01-1980`); // different dates: each counts
  await expect(kiosk.alert).toContainText('Let op');
  await expectAccessible(page, 'birthdate, the last-try warning');
  await page.route('**/api/verifyIdentity', (route) =>
    route.fulfill(json({ ok: false, code: 'blocked', limit: 'client', retryAfterSeconds: 3600 })),
  );
  await kiosk.enterBirthdate('05-01-1980');
  await expect(kiosk.alert).toContainText('Te veel pogingen');
  await expectAccessible(page, 'birthdate, blocked');
  // Started again within the account's spacing: the calm "a code was just sent" with its countdown.
  await page.route('**/api/verifyIdentity', (route) =>
    route.fulfill(json({ ok: false, code: 'resend_too_soon', retryAfterSeconds: 25 })),
  );
  await kiosk.enterBirthdate('06-01-1980');
  await expect(
    page.getByRole('status').filter({ hasText: 'Er is net al een code naar je telefoon gestuurd.' }),
  ).toBeVisible();
  await expectAccessible(page, 'birthdate, a code was just sent (countdown)');
  await page.unroute('**/api/verifyIdentity');

  await page.clock.fastForward(75_000);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await expectAccessible(page, 'the idle warning');
  await page.clock.fastForward(20_000);
  await expect(page.getByText('leeggemaakt')).toBeVisible();
  await expectAccessible(page, 'start screen after the idle wipe');

  const code = await kiosk.requestCode(user);
  await expectAccessible(page, 'code');
  for (let i = 0; i < 3; i++) await kiosk.enterCode(wrong(code));
  await expect(kiosk.alert).toContainText('te vaak');
  await expectAccessible(page, 'code, three wrong tries');
  const mark = kiosk.outbox.mark();
  await kiosk.button('Nieuwe code sturen').click();
  const fresh = (await kiosk.outbox.codeFor(user.mobile, mark)).code;
  await expectAccessible(page, 'code, a new code sent (waiting to resend)');
  await kiosk.cancel();
  await expect(page.getByRole('group', { name: 'Weet je het zeker?' })).toBeVisible();
  await expectAccessible(page, 'code, Annuleren asks once');
  await kiosk.button('Nee, verder').click();
  await kiosk.enterCode(fresh);

  await kiosk.expectStep('Kies een nieuw wachtwoord');
  await expectAccessible(page, 'password, empty');
  await kiosk.enterPassword('marieke1');
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'password with the rules failed');
  await kiosk.enterPassword(strongPassword(), 'anders');
  await expect(kiosk.alert).toContainText('niet gelijk');
  await page.getByRole('button', { name: 'Toon wachtwoord' }).first().click();
  await expectAccessible(page, 'password mismatch, shown');

  await kiosk.enterPassword(strongPassword());
  await expect(kiosk.heading).toHaveText('Je wachtwoord is opnieuw ingesteld');
  await expectAccessible(page, 'done');
}

/**
 * Zoomed: a browser at 200 % lays the page out in half the CSS pixels at twice the density. The desktop project
 * takes the 1366×768 ward PC at 200 %; the phone project the narrowest width WCAG 1.4.10 (Reflow) asks
 * for, 320 CSS px (a phone's pinch zoom does not reflow, its text size setting does).
 */
const ZOOMED = { desktop: { width: 683, height: 384 }, phone: { width: 320, height: 568 } } as const;

test.describe.configure({ timeout: 120_000 });

test('every step and error state passes axe (WCAG 2.2 A and AA)', async ({ kiosk, page }) => {
  await walk(kiosk, page);
});

test('zoomed to 200 % (desktop) or reflowed to 320 px (phone) too', async ({ browser, server, baseURL }, testInfo) => {
  const viewport = ZOOMED[testInfo.project.name as keyof typeof ZOOMED];
  test.skip(!viewport, 'only in the desktop and phone projects');
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', viewport, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    await walk(new Kiosk(page, new Outbox(servers()[server].outbox)), page, ELEONORE);
  } finally {
    await context.close();
  }
});

test('the English wizard, the offline screen and an internal fault pass axe', async ({ kiosk, page }) => {
  await kiosk.open();
  await page.getByRole('button', { name: 'English' }).click();
  kiosk.labels = LABELS.en;
  await kiosk.next();
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'English username with error');
  await kiosk.enterUsername(unknownUser());
  await kiosk.enterBirthdate('01-01-1980');
  await kiosk.alert.getByText('Putting your number right').click();
  await expect(kiosk.alert.locator('[lang="nl"]')).toBeVisible();
  await expectAccessible(page, 'English identity refusal with the Dutch labels marked');

  await page.route('**/api/start', (route) =>
    route.fulfill({ ...json({ ok: false, code: 'internal', correlationId: 'c0ffee42' }), status: 500 }),
  );
  await kiosk.cancel();
  await kiosk.enterUsername(ANNA.username);
  await expect(kiosk.alert).toContainText('c0ffee42');
  await expectAccessible(page, 'internal fault with its reference');

  await page.route('**/api/info', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await expect(kiosk.alert).toBeVisible();
  await expectAccessible(page, 'service unreachable');
});

test("the kiosk's success screen passes axe", async ({ kiosk, page }) => {
  await asKiosk(page);
  await kiosk.reachPasswordStep(ANNA);
  await kiosk.enterPassword(strongPassword());
  await expect(kiosk.button('Naar het inlogscherm')).toBeVisible();
  await expectAccessible(page, 'kiosk done');
});

test('every target is at least 44 × 44 px (touch)', async ({ kiosk, page }) => {
  await kiosk.reachPasswordStep(ELEONORE);
  for (const target of await page.locator('button, input').all()) {
    const box = await target.boundingBox();
    expect(box, await target.evaluate((e: { outerHTML: string }) => e.outerHTML.slice(0, 80))).not.toBeNull();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
  }
});
