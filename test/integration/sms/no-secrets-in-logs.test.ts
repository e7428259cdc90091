// After full runs with both Twilio providers — success, wrong codes, resend, provider errors whose messages echo
// the number, a timeout — no log line (the product's pino logger) and no audit event holds a code or a full
// phone number. The admin still gets what they need: the masked number and Twilio's error code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilio, twilioError, type FakeTwilio } from '../../peers/twilio/fake-twilio-server.js';
import { ANNA, capturingLogger, FROM, NEW_PASSWORD, startWeb, toCodeStep, twilioConfig, useTwilioEnv, VA } from './support.js';

let fake: FakeTwilio;
let restoreEnv: () => void;
beforeAll(async () => {
  fake = await startFakeTwilio();
  restoreEnv = useTwilioEnv();
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});

// Every way Anna's number could be written: E.164, without +, national, the subscriber part, as HR stored it.
const NUMBER_FORMS = [ANNA.e164, '31612345678', '0612345678', '612345678', '12345678', '+31 6 12345678', '06 12345678', '06-12345678'];

describe.each([
  ['twilio-messaging', { type: 'twilio-messaging', from: FROM }],
  ['twilio-verify', { type: 'twilio-verify', serviceSid: VA, from: FROM }],
])('%s: logs and audit after a full run', (name, provider) => {
  it('contain no code and no full phone number', async () => {
    let clock = Date.now();
    const { log, lines } = capturingLogger();
    const web = await startWeb(twilioConfig(fake, { ...provider, timeoutMs: 300 }), log, { now: () => clock });
    const codes = new Set<string>();
    const codeNow = () => (name === 'twilio-verify' ? fake.sentCodes.get(ANNA.e164) : fake.lastCodeTo(ANNA.e164))!;
    try {
      // Provider failures whose messages carry the number, then a timeout.
      fake.enqueue(twilioError(400, 21211, `The 'To' number ${ANNA.e164} is not a valid phone number.`));
      expect((await toCodeStep(web)).sent).toMatchObject({ ok: false, code: 'identity_failed' });
      fake.enqueue({ hang: true });
      expect((await toCodeStep(web)).sent).toMatchObject({ ok: false, code: 'sms_failed' });

      // A full reset with a wrong try and a resend.
      const { sessionId } = await toCodeStep(web);
      codes.add(codeNow());
      const wrong = codeNow() === '000000' ? '111111' : '000000';
      codes.add(wrong);
      expect(await web.call('verifyCode', { sessionId, code: wrong })).toMatchObject({ code: 'code_wrong' });
      clock += 31_000;
      expect(await web.call('resendCode', { sessionId })).toMatchObject({ ok: true });
      codes.add(codeNow());
      if (name === 'twilio-verify') {
        fake.enqueue(twilioError(404, 20404, `No pending verification for ${ANNA.e164}`));
        expect(await web.call('verifyCode', { sessionId, code: codeNow() })).toMatchObject({ code: 'code_wrong' });
      }
      expect(await web.call('verifyCode', { sessionId, code: codeNow() })).toMatchObject({ ok: true });
      expect(await web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({ ok: true });
    } finally {
      await web.close();
    }

    expect(lines.length).toBeGreaterThan(5);
    // pino's `time` is a 13-digit number: drop it so a code cannot "appear" in it by chance.
    const logged = lines.map((l) => JSON.stringify({ ...(JSON.parse(l) as object), time: undefined }));
    const audit = web.audit.map((e) => JSON.stringify(e));
    const leaks = (texts: string[], secret: string) =>
      texts.filter((t) => (/^\d{6}$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(t) : t.includes(secret)));
    for (const secret of [...NUMBER_FORMS, ...codes, NEW_PASSWORD, ANNA.birthdate]) {
      expect(leaks(logged, secret), `log lines containing ${secret}`).toEqual([]);
      expect(leaks(audit, secret), `audit events containing ${secret}`).toEqual([]);
    }
    const all = lines.join('\n');
    expect(all).toContain('•• •• •• 78'); // the admin can still match a complaint
    expect(all).toContain('"providerCode":21211');
    expect(all).toMatch(/"errno":"ECONNABORTED"|"providerCode":"ECONNABORTED"/);
  });
});
