// TwilioMessagesSender through the real SDK: every error shape Twilio (or the network) produces maps to one
// SendFailure reason, with the provider's code for the admin log and never the full number.
import { describe, expect, it } from 'vitest';
import { TwilioMessagesSender } from '../../../src-main/sms/twilio-messages.js';
import { ANNA } from '../../helpers/demo-users.js';
import { freePort } from '../../helpers/free-port.js';
import { captureLog } from '../../helpers/log-capture.js';
import { serviceError, twilioError, type Scripted } from '../../peers/twilio/fake-twilio-server.js';
import { FROM, twilioClient, useFakeTwilio, type Target } from './support.js';

const t = useFakeTwilio();
const TO = ANNA.mobile;

function sender(opts: { target?: Target; timeoutMs?: number } = {}) {
  const log = captureLog();
  const twilio = twilioClient(opts.target ?? t.fake, {
    type: 'twilio-messaging',
    from: FROM,
    timeoutMs: opts.timeoutMs ?? 2000,
  });
  return { sender: new TwilioMessagesSender(twilio, { from: FROM }, log), log };
}

describe('TwilioMessagesSender', () => {
  it('sends and returns the message SID', async () => {
    const { sender: s } = sender();
    const out = await s.send(TO, 'hallo');
    expect(out).toMatchObject({ ok: true, ref: expect.stringMatching(/^SM[0-9a-f]{32}$/) as string });
    expect(t.fake.messages().at(-1)).toEqual({ To: TO, From: FROM, Body: 'hallo' });
  });

  const cases: [string, Scripted, string, string | number | undefined][] = [
    [
      '21211 invalid number',
      twilioError(400, 21211, `The 'To' number ${TO} is not a valid phone number.`),
      'invalid_number',
      21211,
    ],
    ['21608 unverified (trial)', twilioError(400, 21608), 'invalid_number', 21608],
    ['21614 not a mobile', twilioError(400, 21614), 'invalid_number', 21614],
    ['21610 unsubscribed', twilioError(400, 21610), 'invalid_number', 21610],
    ['21408 region not enabled', twilioError(400, 21408), 'invalid_number', 21408],
    ['21612 not reachable', twilioError(400, 21612), 'invalid_number', 21612],
    ['429 / 20429', twilioError(429, 20429), 'rate_limited', 20429],
    ['429 without a code', { status: 429, raw: 'Too Many Requests', contentType: 'text/plain' }, 'rate_limited', 429],
    ['14107 send rate', twilioError(400, 14107), 'rate_limited', 14107],
    ['500', twilioError(500, 20500), 'provider_error', 20500],
    ['503', twilioError(503, 20503), 'provider_error', 20503],
    ['502 HTML (non-JSON)', { status: 502, raw: '<html>Bad gateway</html>' }, 'provider_error', 502],
    ['200 HTML (non-JSON success)', { status: 200, raw: '<html>captive portal</html>' }, 'provider_error', undefined],
    ['401 wrong credentials', twilioError(401, 20003, 'Authenticate'), 'provider_error', 20003],
    ['RFC 9457 400/21211 (TwilioServiceException)', serviceError(400, 21211), 'invalid_number', 21211],
    ['RFC 9457 429/20429 (TwilioServiceException)', serviceError(429, 20429), 'rate_limited', 20429],
    ['RFC 9457 503 (TwilioServiceException)', serviceError(503, 20503), 'provider_error', 20503],
  ];
  it.each(cases)('%s', async (_name, response, reason, providerCode) => {
    const { sender: s, log } = sender();
    t.fake.enqueue(response);
    const out = await s.send(TO, 'hallo');
    expect(out).toEqual(providerCode === undefined ? { ok: false, reason } : { ok: false, reason, providerCode });
    expect(log.lines).toHaveLength(1);
    const line = log.records()[0]!;
    expect(line).toMatchObject({ level: 'warn', provider: 'twilio-messaging', recipient: '•• •• •• 78', reason });
    if (typeof providerCode === 'number' && providerCode >= 1000) expect(line.providerCode).toBe(providerCode);
    expect(log.text()).not.toContain('12345678');
  });

  it('a hanging server is cut off after timeoutMs (ECONNABORTED → timeout)', async () => {
    const { sender: s, log } = sender({ timeoutMs: 300 });
    t.fake.enqueue({ hang: true });
    const t0 = Date.now();
    expect(await s.send(TO, 'x')).toEqual({ ok: false, reason: 'timeout', providerCode: 'ECONNABORTED' });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(log.records()[0]).toMatchObject({ errno: 'ECONNABORTED' });
  });

  it('a server that trickles bytes (socket never idle) is still cut off by the deadline', async () => {
    const { sender: s } = sender({ timeoutMs: 300 });
    t.fake.enqueue({ trickle: true });
    const t0 = Date.now();
    expect(await s.send(TO, 'x')).toEqual({ ok: false, reason: 'timeout', providerCode: 'ETIMEDOUT' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('connection refused → provider_error with the errno', async () => {
    const { sender: s } = sender({ target: { baseUrl: `http://127.0.0.1:${await freePort()}` } }); // nothing listens
    expect(await s.send(TO, 'x')).toEqual({ ok: false, reason: 'provider_error', providerCode: 'ECONNREFUSED' });
  });
});
