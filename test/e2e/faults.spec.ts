// Answers the demo cannot produce on demand, simulated at the network edge: the fetch client must map
// them (HTTP 500 with a correlation id, a dropped connection, throttles) to messages that say what to do.
import { expect, test } from './support/fixtures.js';
import { ANNA } from '../helpers/demo-users.js';

const json = (status: number, body: object) => ({ status, contentType: 'application/json', body: JSON.stringify(body) });

test('an internal fault shows the reference for the servicedesk', async ({ kiosk, page }) => {
  await page.route('**/api/start', (route) => route.fulfill(json(500, { ok: false, code: 'internal', correlationId: 'c0ffee42' })));
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  await expect(kiosk.alert).toContainText('Er ging iets mis aan onze kant.');
  await expect(kiosk.alert).toContainText('Referentie: c0ffee42');
  await expect(kiosk.alert).toContainText('0485 – 845 900');
});

test('an unreachable service says nothing changed and offers a retry', async ({ kiosk, page }) => {
  await page.route('**/api/info', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await expect(kiosk.alert).toContainText('De wachtwoordservice is nu niet bereikbaar.');
  await page.unroute('**/api/info');
  await kiosk.button('Opnieuw proberen').click();
  await expect(kiosk.field('username')).toBeFocused();

  await page.route('**/api/start', (route) => route.abort('connectionreset'));
  await kiosk.enterUsername(ANNA.username);
  await expect(kiosk.alert).toContainText('Er is niets gewijzigd.');
});

test('throttles say to try later or call the servicedesk', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  for (const [code, text] of [
    ['blocked', 'Probeer het morgen opnieuw of bel de servicedesk.'],
    ['sms_limit', 'Probeer het later opnieuw of bel de servicedesk.'],
  ] as const) {
    await page.route('**/api/verifyIdentity', (route) => route.fulfill(json(200, { ok: false, code })));
    await kiosk.enterBirthdate(ANNA.birthdate);
    await expect(kiosk.alert).toContainText(text);
    await page.unroute('**/api/verifyIdentity');
  }
});

test('an expired session starts over and says why', async ({ kiosk, page }) => {
  await page.route('**/api/verifyIdentity', (route) => route.fulfill(json(200, { ok: false, code: 'session_expired' })));
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  await kiosk.enterBirthdate(ANNA.birthdate);
  await expect(kiosk.alert).toContainText('Je sessie is verlopen.');
  await kiosk.expectStart();
});
