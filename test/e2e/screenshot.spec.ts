// The README's pictures, made on request (`npm run screenshots`), not on every test run: the first step,
// and the password step with the live checklist half met.
import { test } from './support/fixtures.js';
import { ANNA } from '../helpers/demo-users.js';

test.use({ viewport: { width: 1280, height: 860 } });

test('README screenshots @screenshot', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.field('username').fill(ANNA.username);
  await page.locator('body').click({ position: { x: 5, y: 400 } }); // no focus ring in the picture
  await page.screenshot({ path: 'docs/screenshot.png' });

  await kiosk.field('username').fill('');
  await kiosk.reachPasswordStep(ANNA);
  await kiosk.field('password').fill('Zomer2024');
  await kiosk.field('repeat').fill('Zomer2024');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.screenshot({ path: 'docs/screenshot-password.png', fullPage: true });
});
