// The whole reset through the web host with Twilio Messaging (real SDK → fake server): we generate the code,
// the fake "receives" the text, the test reads the code from it like a phone would.
import { describe, expect, it, vi } from 'vitest';
import { ANNA } from '../../helpers/demo-users.js';
import { twilioError } from '../../peers/twilio/fake-twilio-server.js';
import { AC, FROM, MG, NEW_PASSWORD, requestCode, twilioHost, useFakeTwilio } from './support.js';

const t = useFakeTwilio();

describe('Twilio Messaging through the whole flow', () => {
  it('sends the code from the configured number, accepts it, resets, and sends the changed notice', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-messaging', from: FROM });
    const before = t.fake.messages().length;
    const { sessionId, sent } = await requestCode(t.web);
    expect(sent).toMatchObject({ ok: true, step: 'code', maskedMobile: '•• •• •• 78', resendAfterSeconds: 30 });

    const text = t.fake.messages().at(-1)!;
    expect(text).toMatchObject({ To: ANNA.mobile, From: FROM });
    expect(text.Body).toMatch(
      /^Pantein: je wachtwoordcode voor een nieuw wachtwoord is \d{6}\. 5 minuten geldig\. Niet aangevraagd\? Bel 0485 845 900\.$/,
    );
    expect(text.Body).not.toMatch(/https?:|www\./); // no link, ever
    const req = t.fake.requests.find((r) => r.form.Body === text.Body)!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${AC}/Messages.json`);
    expect(req.headers['user-agent']).toMatch(/^twilio-node\//);

    const code = t.web.lastCode(ANNA.mobile);
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
    expect(await t.web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({
      ok: true,
      step: 'done',
    });

    await vi.waitFor(() => expect(t.fake.messages().slice(before)).toHaveLength(2)); // the notice is not awaited
    const after = t.fake.messages().slice(before);
    expect(after[1]).toMatchObject({
      To: ANNA.mobile,
      From: FROM,
      Body: 'Pantein: je wachtwoord is net gewijzigd. Heb jij dit niet gedaan? Bel meteen de servicedesk: 0485 845 900.',
    });
  });

  it('an unlock gets the unlock\'s texts: its code says nothing of a new password, then "unlocked"', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-messaging', from: FROM });
    const before = t.fake.messages().length;
    const { sessionId } = (await t.web.call('start', { username: ANNA.username, purpose: 'unlock' })) as {
      sessionId: string;
    };
    expect(await t.web.call('verifyIdentity', { sessionId, birthdate: ANNA.birthdate })).toMatchObject({
      ok: true,
      step: 'code',
    });
    expect(t.fake.messages().at(-1)!.Body).toMatch(
      /^Pantein: je wachtwoordcode om je account te ontgrendelen is \d{6}\. 5 minuten geldig\. Niet aangevraagd\? Bel 0485 845 900\.$/,
    );
    expect(await t.web.call('verifyCode', { sessionId, code: t.web.lastCode(ANNA.mobile) })).toMatchObject({
      ok: true,
      step: 'unlock',
    });
    expect(await t.web.call('unlock', { sessionId })).toMatchObject({ ok: true, step: 'unlocked' });
    await vi.waitFor(() => expect(t.fake.messages().slice(before)).toHaveLength(2));
    expect(t.fake.messages().at(-1)!.Body).toBe(
      'Pantein: je account is net ontgrendeld. Heb jij dit niet gedaan? Bel meteen de servicedesk: 0485 845 900.',
    );
  });

  it('writes in English for an English session and can send through a Messaging Service', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-messaging', messagingServiceSid: MG });
    const { sessionId, sent } = await requestCode(t.web, { lang: 'en' });
    expect(sent).toMatchObject({ ok: true, step: 'code' });
    const text = t.fake.messages().at(-1)!;
    expect(text.MessagingServiceSid).toBe(MG);
    expect(text.From).toBeUndefined();
    expect(text.Body).toMatch(/^Pantein: your password code for a new password is \d{6}\. Valid 5 minutes\./);
    const code = t.web.lastCode(ANNA.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await t.web.call('verifyCode', { sessionId, code: wrong })).toMatchObject({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 2,
    });
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true });
  });

  it('a number Twilio calls invalid gets the generic identity answer; a provider fault gets sms_failed', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-messaging', from: FROM });
    t.fake.enqueue(twilioError(400, 21614, "'To' number is not a valid mobile number"));
    expect((await requestCode(t.web)).sent).toMatchObject({ ok: false, code: 'identity_failed' });
    t.fake.enqueue(twilioError(503, 20503, 'Service unavailable'));
    expect((await requestCode(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
    t.fake.enqueue(twilioError(429, 20429, 'Too many requests'));
    expect((await requestCode(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
  });

  it('a hanging provider answers sms_failed within the configured timeout', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-messaging', from: FROM, timeoutMs: 300 });
    t.fake.enqueue({ hang: true });
    const t0 = Date.now();
    expect((await requestCode(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});
