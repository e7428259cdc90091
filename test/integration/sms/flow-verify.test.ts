// The whole reset through the web host with Twilio Verify: Twilio (the fake) generates and checks the code;
// our throttles still apply. The "password changed" notice goes through Messaging when a sender is configured.
import { describe, expect, it, vi } from 'vitest';
import { twilioError } from '../../peers/twilio/fake-twilio-server.js';
import { ANNA, capturingLogger, FROM, NEW_PASSWORD, startWeb, toCodeStep, twilioConfig, VA, useFakeTwilio } from './support.js';

const t = useFakeTwilio();

const verifyPosts = () => t.fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/v2/Services/${VA}/`));

describe('Twilio Verify through the whole flow', () => {
  it('starts a verification in Dutch, checks the code with Twilio, resets, and sends the notice by Messaging', async () => {
    const { log } = capturingLogger();
    t.web = await startWeb(twilioConfig(t.fake, { type: 'twilio-verify', serviceSid: VA, from: FROM }), log);
    const before = t.fake.messages().length;
    const { sessionId, sent } = await toCodeStep(t.web);
    expect(sent).toMatchObject({ ok: true, step: 'code', maskedMobile: '•• •• •• 78' });
    expect(verifyPosts().at(-1)).toMatchObject({ path: `/v2/Services/${VA}/Verifications`, form: { To: ANNA.e164, Channel: 'sms', Locale: 'nl' } });
    expect(t.fake.messages()).toHaveLength(before); // the code went through Verify, not Messaging

    const code = t.fake.sentCodes.get(ANNA.e164)!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await t.web.call('verifyCode', { sessionId, code: wrong })).toMatchObject({ ok: false, code: 'code_wrong', attemptsLeft: 2 });
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
    expect(verifyPosts().at(-1)).toMatchObject({ path: `/v2/Services/${VA}/VerificationCheck`, form: { To: ANNA.e164, Code: code } });

    expect(await t.web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({ ok: true, step: 'done' });
    await vi.waitFor(() => expect(t.fake.messages().slice(before)).toEqual([{ To: ANNA.e164, From: FROM, Body: expect.stringContaining('je wachtwoord is zojuist gewijzigd') }]));
  });

  it('asks Twilio for English when the session is English', async () => {
    t.web = await startWeb(twilioConfig(t.fake, { type: 'twilio-verify', serviceSid: VA }), capturingLogger().log);
    await toCodeStep(t.web, 'en');
    expect(verifyPosts().at(-1)!.form.Locale).toBe('en');
  });

  it('without a Messaging sender the notice is off, and start-up says so', async () => {
    const { log, lines } = capturingLogger();
    t.web = await startWeb(twilioConfig(t.fake, { type: 'twilio-verify', serviceSid: VA }), log);
    expect(t.web.app.describe.join('\n')).toContain('password-changed notices off');
    expect(lines.some((l) => l.includes('Twilio Verify cannot send notices'))).toBe(true);
    const before = t.fake.messages().length;
    const { sessionId } = await toCodeStep(t.web);
    await t.web.call('verifyCode', { sessionId, code: t.fake.sentCodes.get(ANNA.e164)! });
    expect(await t.web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(t.fake.messages()).toHaveLength(before);
  });

  it('expired at Twilio (20404), max checks (60202) → code_wrong; provider down → unavailable and the try is kept', async () => {
    t.web = await startWeb(twilioConfig(t.fake, { type: 'twilio-verify', serviceSid: VA, timeoutMs: 300 }), capturingLogger().log);
    const { sessionId } = await toCodeStep(t.web);
    const code = t.fake.sentCodes.get(ANNA.e164)!;
    t.fake.enqueue(twilioError(503, 20503, 'Service unavailable'));
    expect(await t.web.call('verifyCode', { sessionId, code })).toEqual({ ok: false, code: 'unavailable' });
    t.fake.enqueue(twilioError(429, 60202, 'Max check attempts reached'));
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: false, code: 'code_wrong', attemptsLeft: 2 });
    t.fake.enqueue(twilioError(404, 20404, 'Not found'));
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: false, code: 'code_wrong', attemptsLeft: 1 });
    t.fake.enqueue({ hang: true });
    expect(await t.web.call('verifyCode', { sessionId, code })).toEqual({ ok: false, code: 'unavailable' });
    // the 503 and the hang cost nothing: the third real try still works
    expect(await t.web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
  });

  it('a number Verify rejects (60200) gets the generic identity answer; 60203 gets sms_failed', async () => {
    t.web = await startWeb(twilioConfig(t.fake, { type: 'twilio-verify', serviceSid: VA }), capturingLogger().log);
    t.fake.enqueue(twilioError(400, 60200, 'Invalid parameter: To'));
    expect((await toCodeStep(t.web)).sent).toMatchObject({ ok: false, code: 'identity_failed' });
    t.fake.enqueue(twilioError(429, 60203, 'Max send attempts reached'));
    expect((await toCodeStep(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
  });
});
