// Answers the demo cannot produce on demand, simulated at the network edge: the fetch client must map
// them (HTTP 500 with a correlation id, a dropped connection, throttles) to messages that say what to do.
import { expect, test } from './support/fixtures.js';
import { ANNA } from '../helpers/demo-users.js';

const json = (status: number, body: object) => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

test('an internal fault shows the reference for the servicedesk', async ({ kiosk, page }) => {
  await page.route('**/api/start', (route) =>
    route.fulfill(json(500, { ok: false, code: 'internal', correlationId: 'c0ffee42' })),
  );
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  await expect(kiosk.alert).toContainText('Er ging iets mis aan onze kant.');
  await expect(kiosk.alert).toContainText('Referentie: c0ffee42');
  await expect(page.getByRole('contentinfo')).toContainText('0485 – 845 900'); // the contact, once, in the footer
});

test('an unreachable service says nothing changed and offers a retry', async ({ kiosk, page }) => {
  await page.route('**/api/info', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await expect(kiosk.alert).toContainText('De wachtwoordservice is nu niet bereikbaar.');
  await page.unroute('**/api/info');
  await kiosk.button('Opnieuw proberen').click();
  await expect(kiosk.field('username')).toBeFocused(); // still the first screen after loading

  await page.route('**/api/start', (route) => route.abort('connectionreset'));
  await kiosk.enterUsername(ANNA.username);
  await expect(kiosk.alert).toContainText('Er is niets gewijzigd.');
});

test('throttles say whose limit it is and for how long', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  for (const [answer, title, line] of [
    [
      { code: 'blocked', limit: 'user', retryAfterSeconds: 86_400 },
      'Je kunt hier nu geen nieuw wachtwoord aanvragen.',
      'Dat kan weer over 24 uur',
    ],
    [
      { code: 'blocked', limit: 'client', retryAfterSeconds: 3600 },
      'Te veel pogingen op dit apparaat.',
      'Het kan weer over 1 uur, of gebruik een andere computer.',
    ],
    [
      { code: 'sms_limit', limit: 'user', retryAfterSeconds: 7200 },
      'Er zijn al te veel codes naar je telefoon gestuurd.',
      'Over 2 uur kun je weer een code krijgen.',
    ],
    [
      { code: 'sms_limit', limit: 'all', retryAfterSeconds: 600 },
      'Er kunnen nu geen codes worden verstuurd.',
      'over 10 minuten',
    ],
    [{ code: 'blocked' }, 'Er zijn te veel wachtwoorden geprobeerd.', 'Kies Annuleren en begin opnieuw.'],
  ] as const) {
    await page.route('**/api/verifyIdentity', (route) => route.fulfill(json(200, { ok: false, ...answer })));
    await kiosk.enterBirthdate(ANNA.birthdate);
    await expect(kiosk.alert).toContainText(title);
    await expect(kiosk.alert).toContainText(line);
    if (!('limit' in answer) || answer.limit !== 'client')
      await expect(kiosk.alert).toContainText('Bel de servicedesk: 0485 – 845 900.'); // a way to a person
    await page.unroute('**/api/verifyIdentity');
  }
});

test('an expired session starts over and says why', async ({ kiosk, page }) => {
  await page.route('**/api/verifyIdentity', (route) =>
    route.fulfill(json(200, { ok: false, code: 'session_expired' })),
  );
  await kiosk.open();
  await kiosk.enterUsername(ANNA.username);
  await kiosk.enterBirthdate(ANNA.birthdate);
  await expect(kiosk.alert).toContainText('Dit duurde te lang.');
  await kiosk.expectStart();
  await expect(kiosk.field('username')).toBeFocused();
});
