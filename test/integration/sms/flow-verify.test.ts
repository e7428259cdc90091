// The whole reset through the web host with Twilio Verify: Twilio (the fake) generates and checks the code;
// our throttles still apply. The "password changed" notice goes through Messaging when a sender is configured.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeTwilio, twilioError, type FakeTwilio } from '../../peers/twilio/fake-twilio-server.js';
import { ANNA, capturingLogger, FROM, NEW_PASSWORD, startWeb, toCodeStep, twilioConfig, useTwilioEnv, VA, type Web } from './support.js';

let fake: FakeTwilio;
let restoreEnv: () => void;
let web: Web | undefined;
beforeAll(async () => {
  fake = await startFakeTwilio();
  restoreEnv = useTwilioEnv();
});
afterEach(async () => {
  await web?.close();
  web = undefined;
  fake.sentCodes.clear();
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});

const verifyPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/v2/Services/${VA}/`));

describe('Twilio Verify through the whole flow', () => {
  it('starts a verification in Dutch, checks the code with Twilio, resets, and sends the notice by Messaging', async () => {
    const { log } = capturingLogger();
    web = await startWeb(twilioConfig(fake, { type: 'twilio-verify', serviceSid: VA, from: FROM }), log);
    const before = fake.messages().length;
    const { sessionId, sent } = await toCodeStep(web);
    expect(sent).toMatchObject({ ok: true, step: 'code', maskedMobile: '•• •• •• 78' });
    expect(verifyPosts().at(-1)).toMatchObject({ path: `/v2/Services/${VA}/Verifications`, form: { To: ANNA.e164, Channel: 'sms', Locale: 'nl' } });
    expect(fake.messages()).toHaveLength(before); // the code went through Verify, not Messaging

    const code = fake.sentCodes.get(ANNA.e164)!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await web.call('verifyCode', { sessionId, code: wrong })).toMatchObject({ ok: false, code: 'code_wrong', attemptsLeft: 2 });
    expect(await web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
    expect(verifyPosts().at(-1)).toMatchObject({ path: `/v2/Services/${VA}/VerificationCheck`, form: { To: ANNA.e164, Code: code } });

    expect(await web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({ ok: true, step: 'done' });
    await vi.waitFor(() => expect(fake.messages().slice(before)).toEqual([{ To: ANNA.e164, From: FROM, Body: expect.stringContaining('je wachtwoord is zojuist gewijzigd') }]));
  });

  it('asks Twilio for English when the session is English', async () => {
    web = await startWeb(twilioConfig(fake, { type: 'twilio-verify', serviceSid: VA }), capturingLogger().log);
    await toCodeStep(web, 'en');
    expect(verifyPosts().at(-1)!.form.Locale).toBe('en');
  });

  it('without a Messaging sender the notice is off, and start-up says so', async () => {
    const { log, lines } = capturingLogger();
    web = await startWeb(twilioConfig(fake, { type: 'twilio-verify', serviceSid: VA }), log);
    expect(web.app.describe.join('\n')).toContain('password-changed notices off');
    expect(lines.some((l) => l.includes('Twilio Verify cannot send notices'))).toBe(true);
    const before = fake.messages().length;
    const { sessionId } = await toCodeStep(web);
    await web.call('verifyCode', { sessionId, code: fake.sentCodes.get(ANNA.e164)! });
    expect(await web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(fake.messages()).toHaveLength(before);
  });

  it('expired at Twilio (20404), max checks (60202) → code_wrong; provider down → unavailable and the try is kept', async () => {
    web = await startWeb(twilioConfig(fake, { type: 'twilio-verify', serviceSid: VA, timeoutMs: 300 }), capturingLogger().log);
    const { sessionId } = await toCodeStep(web);
    const code = fake.sentCodes.get(ANNA.e164)!;
    fake.enqueue(twilioError(503, 20503, 'Service unavailable'));
    expect(await web.call('verifyCode', { sessionId, code })).toEqual({ ok: false, code: 'unavailable' });
    fake.enqueue(twilioError(429, 60202, 'Max check attempts reached'));
    expect(await web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: false, code: 'code_wrong', attemptsLeft: 2 });
    fake.enqueue(twilioError(404, 20404, 'Not found'));
    expect(await web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: false, code: 'code_wrong', attemptsLeft: 1 });
    fake.enqueue({ hang: true });
    expect(await web.call('verifyCode', { sessionId, code })).toEqual({ ok: false, code: 'unavailable' });
    // the 503 and the hang cost nothing: the third real try still works
    expect(await web.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
  });

  it('a number Verify rejects (60200) gets the generic identity answer; 60203 gets sms_failed', async () => {
    web = await startWeb(twilioConfig(fake, { type: 'twilio-verify', serviceSid: VA }), capturingLogger().log);
    fake.enqueue(twilioError(400, 60200, 'Invalid parameter: To'));
    expect((await toCodeStep(web)).sent).toEqual({ ok: false, code: 'identity_failed' });
    fake.enqueue(twilioError(429, 60203, 'Max send attempts reached'));
    expect((await toCodeStep(web)).sent).toEqual({ ok: false, code: 'sms_failed' });
  });
});
