// The README's pictures, made on request (`npm run screenshots`), not on every test run, at both sizes (the
// ward PC's 1920×1080 and a phone's 390×844): the first step, and the password step with the checklist half met.
import { test } from './support/fixtures.js';
import { ANNA } from '../helpers/demo-users.js';

test('README screenshots @screenshot', async ({ kiosk, page }, testInfo) => {
  const name = (what: string) => `docs/screenshot${testInfo.project.name === 'phone' ? '-phone' : ''}${what}.png`;
  await kiosk.open();
  await kiosk.field('username').fill(ANNA.username);
  await page.locator('body').click({ position: { x: 2, y: 300 } }); // no focus ring in the picture
  await page.screenshot({ path: name('') });

  await kiosk.field('username').fill('');
  await kiosk.reachPasswordStep(ANNA);
  await kiosk.field('password').fill('Zomer2024');
  await kiosk.field('repeat').fill('Zomer2024');
  await page.locator('body').click({ position: { x: 2, y: 300 } });
  await page.screenshot({ path: name('-password'), fullPage: true });
});
