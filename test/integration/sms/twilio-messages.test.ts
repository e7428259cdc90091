// TwilioMessagesSender through the real SDK: every error shape Twilio (or the network) produces maps to one
// SendFailure reason, with the provider's code for the admin log and never the full number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import type { TwilioProviderConfig } from '../../../src-main/config/sms.js';
import { createTwilioClient } from '../../../src-main/sms/twilio-client.js';
import { TwilioMessagesSender } from '../../../src-main/sms/twilio-messages.js';
import { serviceError, startFakeTwilio, twilioError, type FakeTwilio, type Scripted } from '../../peers/twilio/fake-twilio-server.js';
import { capturingLogger, FROM, TWILIO_ENV } from './support.js';

let fake: FakeTwilio;
beforeAll(async () => void (fake = await startFakeTwilio()));
afterAll(async () => fake.close());

const TO = '+31612345678';
function sender(opts: { baseUrl?: string; timeoutMs?: number } = {}) {
  const provider = parseConfig({ sms: { provider: { type: 'twilio-messaging', from: FROM, baseUrl: opts.baseUrl ?? fake.baseUrl, timeoutMs: opts.timeoutMs ?? 2000 } } }).sms.provider as TwilioProviderConfig;
  const { log, lines } = capturingLogger();
  return { sender: new TwilioMessagesSender(createTwilioClient(provider, TWILIO_ENV), { from: FROM }, log), lines };
}

describe('TwilioMessagesSender', () => {
  it('sends and returns the message SID', async () => {
    const { sender: s } = sender();
    const out = await s.send(TO, 'hallo');
    expect(out).toMatchObject({ ok: true, ref: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    expect(fake.messages().at(-1)).toEqual({ To: TO, From: FROM, Body: 'hallo' });
  });

  const cases: [string, Scripted, string, string | number | undefined][] = [
    ['21211 invalid number', twilioError(400, 21211, `The 'To' number ${TO} is not a valid phone number.`), 'invalid_number', 21211],
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
    const { sender: s, lines } = sender();
    fake.enqueue(response);
    const out = await s.send(TO, 'hallo');
    expect(out).toEqual(providerCode === undefined ? { ok: false, reason } : { ok: false, reason, providerCode });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 40, provider: 'twilio-messaging', recipient: '•• •• •• 78', reason });
    if (typeof providerCode === 'number' && providerCode >= 1000) expect(line.providerCode).toBe(providerCode);
    expect(lines[0]).not.toContain('12345678');
  });

  it('a hanging server is cut off after timeoutMs (ECONNABORTED → timeout)', async () => {
    const { sender: s, lines } = sender({ timeoutMs: 300 });
    fake.enqueue({ hang: true });
    const t0 = Date.now();
    expect(await s.send(TO, 'x')).toEqual({ ok: false, reason: 'timeout', providerCode: 'ECONNABORTED' });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(JSON.parse(lines[0]!)).toMatchObject({ errno: 'ECONNABORTED' });
  });

  it('a server that trickles bytes (socket never idle) is still cut off by the deadline', async () => {
    const { sender: s } = sender({ timeoutMs: 300 });
    fake.enqueue({ trickle: true });
    const t0 = Date.now();
    expect(await s.send(TO, 'x')).toEqual({ ok: false, reason: 'timeout', providerCode: 'ETIMEDOUT' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('connection refused → provider_error with the errno', async () => {
    const closed = await startFakeTwilio();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const { sender: s } = sender({ baseUrl });
    expect(await s.send(TO, 'x')).toEqual({ ok: false, reason: 'provider_error', providerCode: 'ECONNREFUSED' });
  });
});
