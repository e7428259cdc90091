// After full runs with both Twilio providers — success, wrong codes, resend, provider errors whose messages echo
// the number, a timeout — no log line (the product's pino logger) and no audit event holds a code or a full
// phone number. The admin still gets what they need: the masked number and Twilio's error code.
import { describe, expect, it } from 'vitest';
import { ANNA } from '../../helpers/demo-users.js';
import { captureLog } from '../../helpers/log-capture.js';
import { twilioError } from '../../peers/twilio/fake-twilio-server.js';
import { FROM, NEW_PASSWORD, requestCode, twilioHost, useFakeTwilio, VA } from './support.js';

const t = useFakeTwilio();

// Every way Anna's number could be written: E.164, without +, national, the subscriber part, as HR stored it.
const NUMBER_FORMS = [
  ANNA.mobile,
  '31612345678',
  '0612345678',
  '612345678',
  '12345678',
  '+31 6 12345678',
  '06 12345678',
  '06-12345678',
];

describe.each([
  ['twilio-messaging', { type: 'twilio-messaging', from: FROM }],
  ['twilio-verify', { type: 'twilio-verify', serviceSid: VA, from: FROM }],
])('%s: logs and audit after a full run', (name, provider) => {
  it('contain no code and no full phone number', async () => {
    let clock = Date.now();
    const log = captureLog();
    const web = await twilioHost(t.fake, { ...provider, timeoutMs: 1000 }, { log, now: () => clock });
    const codes = new Set<string>();
    const codeNow = () => web.lastCode(ANNA.mobile);
    try {
      // Provider failures whose messages carry the number, then a timeout.
      t.fake.enqueue(twilioError(400, 21211, `The 'To' number ${ANNA.mobile} is not a valid phone number.`));
      expect((await requestCode(web)).sent).toMatchObject({ ok: false, code: 'identity_failed' });
      t.fake.enqueue({ hang: true });
      expect((await requestCode(web)).sent).toMatchObject({ ok: false, code: 'sms_failed' });

      // A full reset with a wrong try and a resend.
      const { sessionId } = await requestCode(web);
      codes.add(codeNow());
      const wrong = codeNow() === '000000' ? '111111' : '000000';
      codes.add(wrong);
      expect(await web.call('verifyCode', { sessionId, code: wrong })).toMatchObject({ code: 'code_wrong' });
      clock += 31_000;
      expect(await web.call('resendCode', { sessionId })).toMatchObject({ ok: true });
      codes.add(codeNow());
      if (name === 'twilio-verify') {
        t.fake.enqueue(twilioError(404, 20404, `No pending verification for ${ANNA.mobile}`));
        expect(await web.call('verifyCode', { sessionId, code: codeNow() })).toMatchObject({ code: 'code_wrong' });
      }
      expect(await web.call('verifyCode', { sessionId, code: codeNow() })).toMatchObject({ ok: true });
      expect(await web.call('setPassword', { sessionId, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).toMatchObject({
        ok: true,
      });
    } finally {
      await web.stop(); // also awaits the "password changed" notice, so its log lines are in
    }

    expect(log.lines.length).toBeGreaterThan(5);
    // pino's `time` is a 13-digit number: drop it so a code cannot "appear" in it by chance. Both views: as
    // written, and as handed to the logger before its redaction.
    const logged = [
      ...log.lines.map((l) => JSON.stringify({ ...(JSON.parse(l) as object), time: undefined })),
      ...log.records().map((r) => JSON.stringify(r)),
    ];
    const audit = web.audit.map((e) => JSON.stringify(e));
    const leaks = (texts: string[], secret: string) =>
      texts.filter((t) =>
        /^\d{6}$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(t) : t.includes(secret),
      );
    for (const secret of [...NUMBER_FORMS, ...codes, NEW_PASSWORD, ANNA.birthdate]) {
      expect(leaks(logged, secret), `log lines containing ${secret}`).toEqual([]);
      expect(leaks(audit, secret), `audit events containing ${secret}`).toEqual([]);
    }
    const all = log.lines.join('\n');
    expect(all).toContain('•• •• •• 78'); // the admin can still match a complaint
    expect(all).toContain('"providerCode":21211');
    expect(all).toMatch(/"errno":"ECONNABORTED"|"providerCode":"ECONNABORTED"/);
  });
});
