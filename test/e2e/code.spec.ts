// The code step: attempts left after a wrong code, a new code after three wrong ones, the resend wait,
// and an expired code (on the second host, whose codes live 2 s).
import { expect, test } from './support/fixtures.js';
import { SHORT_CODE_TTL_SECONDS } from './support/servers.js';
import { ANNA, ELEONORE } from '../helpers/demo-users.js';

/** A 6-digit code that is certainly not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('a wrong code shows the attempts left; after three a new code is needed, and it works', async ({
  kiosk,
  page,
}) => {
  await kiosk.open();
  const code = await kiosk.requestCode(ELEONORE);
  await expect(page.getByText('Je nummer eindigt op 01.')).toBeVisible();
  // The resend button waits until the server allows it, and says so (it stays focusable).
  const resend = page.getByRole('button', { name: /^Nieuwe code sturen/ });
  await expect(resend).toHaveAttribute('aria-disabled', 'true');
  await expect(resend).toContainText(/\(over \d+ seconden?\)/); // read aloud as words, not a bare "s"

  await kiosk.enterCode(wrong(code));
  await expect(kiosk.alert).toContainText('Deze code klopt niet.');
  await expect(kiosk.alert).toContainText('nog 2 keer');
  await expect(kiosk.alert).toContainText('Gebruik de code uit de nieuwste sms.');
  await expect(kiosk.field('code')).toHaveValue(wrong(code)); // kept: she can see her typo
  await expect(kiosk.field('code')).toBeFocused(); // back in the field for the next try

  await kiosk.enterCode(wrong(code));
  await expect(kiosk.alert).toContainText('Je kunt het nog 1 keer proberen; daarna vraag je een nieuwe code aan.');

  await kiosk.enterCode(wrong(code));
  await expect(kiosk.alert).toContainText('Deze code is te vaak verkeerd ingevuld en werkt niet meer.');
  await expect(kiosk.alert).toContainText('Vraag hieronder een nieuwe code aan.');
  // The way forward gets the focus, and works at once.
  await expect(kiosk.button('Nieuwe code sturen')).toBeFocused();

  // Even the right code no longer works now.
  await kiosk.enterCode(code);
  await expect(kiosk.alert).toContainText('Deze code is te vaak verkeerd ingevuld en werkt niet meer.');

  await expect(resend).not.toHaveAttribute('aria-disabled');
  const mark = kiosk.outbox.mark();
  await resend.click();
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe code' })).toHaveText(
    'Nieuwe code gestuurd. Gebruik de code uit de nieuwste sms.',
  );
  const fresh = await kiosk.outbox.codeFor(ELEONORE.mobile, mark);
  await kiosk.enterCode(fresh.code);
  await kiosk.expectStep('Kies een nieuw wachtwoord');
});

test('a code with letters or too few digits gets the format message', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.requestCode(ELEONORE);
  await kiosk.enterCode('12ab');
  await expect(kiosk.alert).toContainText('Een code bestaat uit 6 cijfers.');
  await expect(kiosk.field('code')).toHaveValue('12ab');
});

test('the whole SMS pasted into the field: the 6 digits are taken out of it, and they work', async ({
  kiosk,
  page,
}) => {
  await kiosk.open();
  const mark = kiosk.outbox.mark();
  await kiosk.requestCode(ANNA);
  const { sms } = await kiosk.outbox.codeFor(ANNA.mobile, mark);
  await kiosk.field('code').focus();
  await page.keyboard.insertText(sms.body); // as a paste does: one input event with the whole text
  await expect(kiosk.field('code')).toHaveValue(/^\d{6}$/);
  await kiosk.next();
  await kiosk.expectStep('Kies een nieuw wachtwoord');
});

test.describe('on a host whose codes expire after 2 s', () => {
  test.use({ server: 'shortCode' });

  test('an expired code is refused and a new one can be requested', async ({ kiosk }) => {
    await kiosk.open();
    const code = await kiosk.requestCode(ANNA);
    await new Promise((r) => setTimeout(r, SHORT_CODE_TTL_SECONDS * 1000 + 500));
    await kiosk.enterCode(code);
    await expect(kiosk.alert).toContainText('Deze code is verlopen.');
    await expect(kiosk.alert).toContainText('Vraag hieronder een nieuwe code aan.');

    const mark = kiosk.outbox.mark();
    await kiosk.button('Nieuwe code sturen').click();
    const fresh = await kiosk.outbox.codeFor(ANNA.mobile, mark);
    await kiosk.enterCode(fresh.code);
    await kiosk.expectStep('Kies een nieuw wachtwoord');
  });
});
