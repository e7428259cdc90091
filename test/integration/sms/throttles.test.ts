// The abuse guards of the core hold with Twilio behind them: 5 SMS per user per day (the 6th is sms_limit),
// a failed send is refunded (never counted twice), 30 s between resends, a per-kiosk hourly cap and a global
// daily cap that raises an ADMIN ALERT line in the log.
import { describe, expect, it } from 'vitest';
import { captureLog } from '../../helpers/log-capture.js';
import { twilioError } from '../../peers/twilio/fake-twilio-server.js';
import { FROM, requestCode, twilioHost, useFakeTwilio, VA } from './support.js';

const t = useFakeTwilio();

const PROVIDERS = {
  'twilio-messaging': { type: 'twilio-messaging', from: FROM },
  'twilio-verify': { type: 'twilio-verify', serviceSid: VA },
};
/** Requests that (try to) send a code: Messages.json or Verifications. */
const codeSends = () =>
  t.fake.requests.filter((r) => r.method === 'POST' && /\/(Messages\.json|Verifications)$/.test(r.path)).length;

describe.each(Object.entries(PROVIDERS))('%s', (_name, provider) => {
  it('the 6th SMS of the day for one user is refused with sms_limit and never reaches Twilio', async () => {
    t.web = await twilioHost(t.fake, provider);
    const before = codeSends();
    for (let i = 0; i < 5; i++) expect((await requestCode(t.web)).sent).toMatchObject({ ok: true, step: 'code' });
    const sixth = (await requestCode(t.web)).sent;
    expect(sixth).toMatchObject({ ok: false, code: 'sms_limit' });
    expect(sixth.retryAfterSeconds).toBeGreaterThan(23 * 3600);
    expect(codeSends() - before).toBe(5);
  });

  it('failed sends are refunded: after two provider faults the user still gets five codes', async () => {
    t.web = await twilioHost(t.fake, provider);
    const before = codeSends();
    t.fake.enqueue(twilioError(500, 20500, 'Internal error'), { status: 502, raw: '<html>Bad gateway</html>' });
    expect((await requestCode(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
    expect((await requestCode(t.web)).sent).toEqual({ ok: false, code: 'sms_failed' });
    for (let i = 0; i < 5; i++) expect((await requestCode(t.web)).sent).toMatchObject({ ok: true });
    expect((await requestCode(t.web)).sent).toMatchObject({ ok: false, code: 'sms_limit' });
    expect(codeSends() - before).toBe(7);
  });
});

describe('resend and kiosk/global caps (Twilio Messaging)', () => {
  it('a resend waits 30 s and counts against the daily budget', async () => {
    let clock = Date.now();
    t.web = await twilioHost(t.fake, PROVIDERS['twilio-messaging'], { now: () => clock });
    const before = codeSends();
    const { sessionId } = await requestCode(t.web);
    expect(await t.web.call('resendCode', { sessionId })).toMatchObject({
      ok: false,
      code: 'resend_too_soon',
      retryAfterSeconds: 30,
    });
    clock += 29_000;
    expect(await t.web.call('resendCode', { sessionId })).toMatchObject({
      ok: false,
      code: 'resend_too_soon',
      retryAfterSeconds: 1,
    });
    for (let i = 0; i < 4; i++) {
      clock += 31_000;
      expect(await t.web.call('resendCode', { sessionId })).toMatchObject({ ok: true, step: 'code' });
    }
    clock += 31_000;
    expect(await t.web.call('resendCode', { sessionId })).toMatchObject({ ok: false, code: 'sms_limit' });
    expect(codeSends() - before).toBe(5);
  });

  it('one kiosk is capped per hour, another kiosk is not', async () => {
    const limits = { smsPerClient: { points: 2, durationSeconds: 3600 } };
    t.web = await twilioHost(t.fake, PROVIDERS['twilio-messaging'], { config: { security: { limits } } });
    expect((await requestCode(t.web, { client: '10.0.0.1' })).sent).toMatchObject({ ok: true });
    expect((await requestCode(t.web, { client: '10.0.0.1' })).sent).toMatchObject({ ok: true });
    expect((await requestCode(t.web, { client: '10.0.0.1' })).sent).toMatchObject({ ok: false, code: 'sms_limit' });
    expect((await requestCode(t.web, { client: '10.0.0.2' })).sent).toMatchObject({ ok: true });
  });

  it('the global daily cap refuses every kiosk and writes an ADMIN ALERT', async () => {
    const log = captureLog();
    const limits = { smsGlobal: { points: 2, durationSeconds: 86400 } };
    t.web = await twilioHost(t.fake, PROVIDERS['twilio-messaging'], { config: { security: { limits } }, log });
    expect((await requestCode(t.web, { client: '10.0.0.1' })).sent).toMatchObject({ ok: true });
    expect((await requestCode(t.web, { client: '10.0.0.2' })).sent).toMatchObject({ ok: true });
    expect((await requestCode(t.web, { client: '10.0.0.3' })).sent).toMatchObject({ ok: false, code: 'sms_limit' });
    expect(log.records().find((r) => r.alert === 'sms_global_cap')).toMatchObject({
      level: 'error',
      msg: expect.stringMatching(/^ADMIN ALERT/) as string,
    });
  });
});
