// `doctor`'s SMS check through the real SDK: it proves credentials and sender with GET requests only,
// so no text is ever sent, and it never prints a secret.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { checkSmsCredentials } from '../../../src-main/sms/check.js';
import { captureLog } from '../../helpers/log-capture.js';
import type { FakeOptions } from '../../peers/twilio/fake-twilio-server.js';
import { AC, FROM, MG, TOKEN, TWILIO_ENV, twilioConfig, useFakeTwilio, VA } from './support.js';

const KEY_SID = 'SK' + 'd'.repeat(32);
const KEY_SECRET = 'key-secret-abcdefabcdef';
/** The fake accepts the account's auth token and one API key, and nothing else. */
const CREDENTIALS: FakeOptions = {
  credentials: [
    { username: AC, password: TOKEN },
    { username: KEY_SID, password: KEY_SECRET },
  ],
};
const t = useFakeTwilio(CREDENTIALS);

/** One check against a fresh fake account described by `account`; what it found and the paths it read. */
async function check(
  provider: Record<string, unknown>,
  account: FakeOptions = {},
  env: Record<string, string> = TWILIO_ENV,
) {
  t.fake.reset({ ...CREDENTIALS, ...account });
  const log = captureLog();
  const result = await checkSmsCredentials(
    parseConfig(twilioConfig(t.fake, { timeoutMs: 300, ...provider })),
    log,
    env,
  );
  expect(
    t.fake.requests.every((r) => r.method === 'GET'),
    'only GET requests: nothing is sent',
  ).toBe(true);
  for (const secret of [TOKEN, KEY_SECRET]) expect(JSON.stringify(result) + log.text()).not.toContain(secret);
  expect(log.records().some((r) => r.msg?.includes('sms credentials check'))).toBe(true);
  return { result, paths: t.fake.requests.map((r) => r.path) };
}

describe('checkSmsCredentials', () => {
  it('outbox: nothing to check', async () => {
    expect(await checkSmsCredentials(parseConfig({}), captureLog())).toMatchObject({
      ok: true,
      detail: expect.stringContaining('demo outbox') as string,
    });
  });

  it('Messaging with a number: the account is active and the number is the account’s', async () => {
    const { result, paths } = await check({ type: 'twilio-messaging', from: FROM }, { incomingNumbers: [FROM] });
    expect(result).toEqual({
      ok: true,
      detail: expect.stringContaining(`sender ${FROM} belongs to the account`) as string,
    });
    expect(paths).toEqual([`/2010-04-01/Accounts/${AC}.json`, `/2010-04-01/Accounts/${AC}/IncomingPhoneNumbers.json`]);
  });

  it('Messaging with a number the account does not own fails', async () => {
    const { result } = await check({ type: 'twilio-messaging', from: FROM }, { incomingNumbers: ['+3197010000999'] });
    expect(result).toEqual({
      ok: false,
      detail: expect.stringContaining(`${FROM} is not a number of this account`) as string,
    });
  });

  it('Messaging Service and a trial account (warned)', async () => {
    const { result, paths } = await check(
      { type: 'twilio-messaging', messagingServiceSid: MG },
      { account: { type: 'Trial' } },
    );
    expect(result).toEqual({
      ok: true,
      detail: expect.stringMatching(/trial account.*Messaging Service "Pantein wachtwoord"/) as string,
    });
    expect(paths).toContain(`/v1/Services/${MG}`);
  });

  it('Verify: the service exists and sends 6-digit codes; without a sender notices are reported off', async () => {
    const { result, paths } = await check({ type: 'twilio-verify', serviceSid: VA });
    expect(result).toEqual({
      ok: true,
      detail: expect.stringMatching(/Verify service "Pantein".*notices off/) as string,
    });
    expect(paths).toEqual([`/2010-04-01/Accounts/${AC}.json`, `/v2/Services/${VA}`]);
  });

  it('Verify with another code length fails (the wizard takes 6 digits)', async () => {
    expect((await check({ type: 'twilio-verify', serviceSid: VA }, { verifyCodeLength: 4 })).result).toEqual({
      ok: false,
      detail: expect.stringContaining('4-digit codes') as string,
    });
  });

  it('an unknown Verify service fails with "not found"', async () => {
    const { result } = await check({ type: 'twilio-verify', serviceSid: VA }, { knownSids: [] });
    expect(result).toEqual({ ok: false, detail: expect.stringContaining(`Verify service ${VA}: not found`) as string });
  });

  it('an API key skips the Account resource (Standard keys may not read it) and is proven by the service read', async () => {
    const env = {
      RESET_KIOSK_TWILIO_ACCOUNT_SID: AC,
      RESET_KIOSK_TWILIO_API_KEY_SID: KEY_SID,
      RESET_KIOSK_TWILIO_API_KEY_SECRET: KEY_SECRET,
    };
    const { result, paths } = await check({ type: 'twilio-verify', serviceSid: VA }, {}, env);
    expect(result.ok).toBe(true);
    expect(paths).toEqual([`/v2/Services/${VA}`]);
    const alpha = await check({ type: 'twilio-messaging', from: 'Pantein' }, {}, env);
    expect(alpha.result).toEqual({
      ok: true,
      detail: expect.stringContaining('alphanumeric sender "Pantein"') as string,
    });
    expect(alpha.paths).toEqual([`/2010-04-01/Accounts/${AC}/IncomingPhoneNumbers.json`]);
  });

  it('wrong credentials are named as such (20003), missing ones name the variable', async () => {
    const wrong = await check(
      { type: 'twilio-messaging', from: 'Pantein' },
      {},
      { ...TWILIO_ENV, RESET_KIOSK_TWILIO_AUTH_TOKEN: 'not-the-token' },
    );
    expect(wrong.result).toEqual({
      ok: false,
      detail: expect.stringContaining('refused the credentials (20003)') as string,
    });
    const missing = await check(
      { type: 'twilio-messaging', from: 'Pantein' },
      {},
      { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC },
    );
    expect(missing.result).toEqual({
      ok: false,
      detail: expect.stringContaining('set RESET_KIOSK_TWILIO_AUTH_TOKEN') as string,
    });
  });

  it('an unreachable Twilio fails within the timeout', async () => {
    const { result } = await check({ type: 'twilio-messaging', from: 'Pantein' }, {});
    expect(result.ok).toBe(true);
    t.fake.enqueue({ hang: true });
    const t0 = Date.now();
    const config = parseConfig(twilioConfig(t.fake, { type: 'twilio-messaging', from: 'Pantein', timeoutMs: 300 }));
    expect(await checkSmsCredentials(config, captureLog(), TWILIO_ENV)).toEqual({
      ok: false,
      detail: expect.stringContaining('unreachable') as string,
    });
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});
