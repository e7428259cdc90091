// The whole reset through the web host with Twilio Verify: Twilio (the fake) generates and checks the code;
// our throttles still apply. The "password changed" notice goes through Messaging when a sender is configured.
import { describe, expect, it, vi } from 'vitest';
import { ANNA } from '../../helpers/demo-users.js';
import { captureLog } from '../../helpers/log-capture.js';
import { twilioError } from '../../peers/twilio/fake-twilio-server.js';
import { FROM, NEW_PASSWORD, requestCode, twilioHost, useFakeTwilio, VA } from './support.js';

const t = useFakeTwilio();

const verifyPosts = () =>
  t.fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/v2/Services/${VA}/`));

describe('Twilio Verify through the whole flow', () => {
  it('starts a verification in Dutch, checks the code with Twilio, resets, and sends the notice by Messaging', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-verify', serviceSid: VA, from: FROM });
    const before = t.fake.messages().length;
    const { sessionId, sent } = await requestCode(t.web);
    expect(sent).toMatchObject({ ok: true, step: 'code', maskedMobile: '•• •• •• 78' });
    expect(verifyPosts().at(-1)).toMatchObject({
      path: `/v2/Services/${VA}/Verifications`,
      form: { To: ANNA.mobile, Channel: 'sms', Locale: 'nl' },
    });
    expect(t.fake.messages()).toHaveLength(before); // the code went through Verify, not Messaging

    const code = t.web.lastCode(ANNA.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await t.web.call('verifyCode', { sessionId, code: wrong })).toMatchObject({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 2,
    });
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
    expect(verifyPosts().at(-1)).toMatchObject({
      path: `/v2/Services/${VA}/VerificationCheck`,
      form: { To: ANNA.mobile, Code: code },
    });

    expect(await t.web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({
      ok: true,
      step: 'done',
    });
    await vi.waitFor(() =>
      expect(t.fake.messages().slice(before)).toEqual([
        { To: ANNA.mobile, From: FROM, Body: expect.stringContaining('je wachtwoord is net gewijzigd') as string },
      ]),
    );
  });

  it('asks Twilio for English when the session is English', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-verify', serviceSid: VA });
    await requestCode(t.web, { lang: 'en' });
    expect(verifyPosts().at(-1)!.form.Locale).toBe('en');
  });

  it('without a Messaging sender the notice is off, and start-up says so', async () => {
    const log = captureLog();
    t.web = await twilioHost(t.fake, { type: 'twilio-verify', serviceSid: VA }, { log });
    expect(t.web.app.describe.join('\n')).toContain('password-changed notices off');
    expect(log.records()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringContaining('Twilio Verify cannot send notices') as string,
      }),
    );
    const before = t.fake.messages().length;
    const { sessionId } = await requestCode(t.web);
    await t.web.call('verifyCode', { sessionId, code: t.web.lastCode(ANNA.mobile) });
    expect(await t.web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(t.fake.messages()).toHaveLength(before);
  });

  it('expired at Twilio (20404), max checks (60202) → code_wrong; provider down → unavailable and the try is kept', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-verify', serviceSid: VA, timeoutMs: 300 });
    const { sessionId } = await requestCode(t.web);
    const code = t.web.lastCode(ANNA.mobile);
    t.fake.enqueue(twilioError(503, 20503, 'Service unavailable'));
    expect(await t.web.call('verifyCode', { sessionId, code })).toEqual({ ok: false, code: 'unavailable' });
    t.fake.enqueue(twilioError(429, 60202, 'Max check attempts reached'));
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 2,
    });
    t.fake.enqueue(twilioError(404, 20404, 'Not found'));
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 1,
    });
    t.fake.enqueue({ hang: true });
    expect(await t.web.call('verifyCode', { sessionId, code })).toEqual({ ok: false, code: 'unavailable' });
    // the 503 and the hang cost nothing: the third real try still works
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
  });

  it('a number Verify rejects (60200) gets the generic identity answer; 60203 gets sms_failed', async () => {
    t.web = await twilioHost(t.fake, { type: 'twilio-verify', serviceSid: VA });
    t.fake.enqueue(twilioError(400, 60200, 'Invalid parameter: To'));
    expect((await requestCode(t.web)).sent).toMatchObject({ ok: false, code: 'identity_failed' });
    t.fake.enqueue(twilioError(429, 60203, 'Max send attempts reached'));
    expect((await requestCode(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
  });
});
