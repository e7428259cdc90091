// TwilioVerifyChannel through the real SDK: issue → SendFailure reasons, check → valid / invalid / unavailable.
import { describe, expect, it } from 'vitest';
import { TwilioVerifyChannel } from '../../../src-main/sms/twilio-verify.js';
import type { CheckOutcome, IssuedCode } from '../../../src-main/core/ports/sms.js';
import { ANNA } from '../../helpers/demo-users.js';
import { freePort } from '../../helpers/free-port.js';
import { captureLog } from '../../helpers/log-capture.js';
import { serviceError, twilioError, type Scripted } from '../../peers/twilio/fake-twilio-server.js';
import { twilioClient, useFakeTwilio, VA, type Target } from './support.js';

const t = useFakeTwilio();
const TO = ANNA.mobile;
const ISSUED: IssuedCode = { kind: 'remote', to: TO };

function channel(target: Target = t.fake) {
  const log = captureLog();
  return {
    channel: new TwilioVerifyChannel(
      twilioClient(target, { type: 'twilio-verify', serviceSid: VA, timeoutMs: 1000 }),
      VA,
      log,
    ),
    log,
  };
}

describe('TwilioVerifyChannel.issue', () => {
  it('starts an SMS verification in the session language', async () => {
    const { channel: c } = channel();
    expect(await c.issue(TO, 'en')).toEqual({ ok: true, issued: ISSUED });
    expect(t.fake.requests.at(-1)).toMatchObject({
      path: `/v2/Services/${VA}/Verifications`,
      form: { To: TO, Channel: 'sms', Locale: 'en' },
    });
  });

  const cases: [string, Scripted | { hang: true }, string, string | number][] = [
    ['60200 invalid parameter', twilioError(400, 60200), 'invalid_number', 60200],
    ['60205 landline', twilioError(400, 60205), 'invalid_number', 60205],
    ['21614 not a mobile', twilioError(400, 21614), 'invalid_number', 21614],
    ['60203 max send attempts', twilioError(429, 60203), 'rate_limited', 60203],
    ['20429 too many requests', twilioError(429, 20429), 'rate_limited', 20429],
    ['503', twilioError(503, 20503), 'provider_error', 20503],
    ['RFC 9457 500', serviceError(500, 20500), 'provider_error', 20500],
    ['hang', { hang: true }, 'timeout', 'ECONNABORTED'],
  ];
  it.each(cases)('%s', async (_name, response, reason, providerCode) => {
    const { channel: c, log } = channel();
    t.fake.enqueue(response);
    expect(await c.issue(TO, 'nl')).toEqual({ ok: false, reason, providerCode });
    expect(log.records()[0]).toMatchObject({ provider: 'twilio-verify', recipient: '•• •• •• 78', reason });
  });

  it('a verification Twilio does not leave pending is a provider error', async () => {
    const { channel: c } = channel();
    t.fake.enqueue({ status: 201, body: { sid: 'VE' + '0'.repeat(32), status: 'canceled' } });
    expect(await c.issue(TO, 'nl')).toEqual({ ok: false, reason: 'provider_error', providerCode: 'status:canceled' });
  });
});

describe('TwilioVerifyChannel.check', () => {
  it('approved → valid; a wrong code (pending, valid:false) → invalid; after approval 20404 → invalid', async () => {
    const { channel: c } = channel();
    await c.issue(TO, 'nl');
    const code = t.fake.codeTo(TO)!;
    expect(await c.check(ISSUED, code === '000000' ? '111111' : '000000')).toBe('invalid');
    expect(await c.check(ISSUED, code)).toBe('valid');
    expect(t.fake.requests.at(-1)).toMatchObject({
      path: `/v2/Services/${VA}/VerificationCheck`,
      form: { To: TO, Code: code },
    });
    expect(await c.check(ISSUED, code)).toBe('invalid');
  });

  const cases: [string, Scripted | { hang: true }, CheckOutcome][] = [
    ['20404 no pending verification (expired)', twilioError(404, 20404), 'invalid'],
    ['60202 max check attempts', twilioError(429, 60202), 'invalid'],
    ['status expired', { status: 200, body: { status: 'expired', valid: false } }, 'invalid'],
    ['status max_attempts_reached', { status: 200, body: { status: 'max_attempts_reached', valid: false } }, 'invalid'],
    ['503', twilioError(503, 20503), 'unavailable'],
    ['500 non-JSON', { status: 500, raw: 'oops' }, 'unavailable'],
    ['429 / 20429', twilioError(429, 20429), 'unavailable'],
    ['RFC 9457 404/20404', serviceError(404, 20404), 'invalid'],
    ['hang', { hang: true }, 'unavailable'],
  ];
  it.each(cases)('%s', async (_name, response, outcome) => {
    const { channel: c, log } = channel();
    t.fake.enqueue(response);
    expect(await c.check(ISSUED, '123456')).toBe(outcome);
    expect(log.text()).not.toContain('123456');
  });

  it('a code of the local channel is never sent to Twilio', async () => {
    const { channel: c } = channel();
    const n = t.fake.requests.length;
    expect(await c.check({ kind: 'local', hash: 'x', salt: 'y' }, '123456')).toBe('invalid');
    expect(t.fake.requests).toHaveLength(n);
  });

  it('connection refused → unavailable', async () => {
    const nobody = { baseUrl: `http://127.0.0.1:${await freePort()}` }; // nothing listens
    expect(await channel(nobody).channel.check(ISSUED, '123456')).toBe('unavailable');
  });
});
