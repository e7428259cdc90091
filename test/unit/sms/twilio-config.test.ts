// The Twilio provider config and where its secrets come from: env var or <VAR>_FILE, never the config file;
// errors name the variable, never the value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src-main/config/load.js';
import { DEFAULT_TWILIO_SECRET_ENV } from '../../../src-main/config/sms.js';
import { readTwilioCredentials } from '../../../src-main/sms/twilio-client.js';

const AC = 'AC' + '1'.repeat(32);
const VA = 'VA' + '2'.repeat(32);
const MG = 'MG' + '3'.repeat(32);
const SK = 'SK' + '4'.repeat(32);
const provider = (p: Record<string, unknown>) => parseConfig({ sms: { provider: p } }).sms.provider;
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('sms.provider schema', () => {
  it('twilio-messaging: defaults (10 s timeout, RESET_KIOSK_TWILIO_* names)', () => {
    expect(provider({ type: 'twilio-messaging', from: '+3197010000001' })).toEqual({
      type: 'twilio-messaging', from: '+3197010000001', timeoutMs: 10_000, secretEnv: DEFAULT_TWILIO_SECRET_ENV,
    });
    expect(provider({ type: 'twilio-messaging', from: 'Pantein' })).toMatchObject({ from: 'Pantein' });
    expect(provider({ type: 'twilio-messaging', messagingServiceSid: MG })).toMatchObject({ messagingServiceSid: MG });
  });

  it('twilio-messaging needs exactly one of from / messagingServiceSid', () => {
    expect(errorOf(() => provider({ type: 'twilio-messaging' })).message).toContain('sms.provider.from: set exactly one');
    expect(errorOf(() => provider({ type: 'twilio-messaging', from: 'Pantein', messagingServiceSid: MG })).message).toContain('exactly one');
  });

  it('baseUrl: https anywhere, plain http only to this machine', () => {
    for (const baseUrl of ['https://twilio-proxy.pantein.local', 'http://127.0.0.1:4010', 'http://localhost:4010/twilio', 'http://[::1]:4010']) {
      expect(provider({ type: 'twilio-messaging', from: 'Pantein', baseUrl })).toMatchObject({ baseUrl });
    }
  });

  it('twilio-verify: a VA SID; a sender for notices is optional', () => {
    expect(provider({ type: 'twilio-verify', serviceSid: VA })).toMatchObject({ serviceSid: VA, timeoutMs: 10_000 });
    expect(provider({ type: 'twilio-verify', serviceSid: VA, messagingServiceSid: MG })).toMatchObject({ messagingServiceSid: MG });
    expect(errorOf(() => provider({ type: 'twilio-verify', serviceSid: 'VA123' })).message).toContain('sms.provider.serviceSid');
  });

  it('refuses secrets, bad senders and unbounded timeouts in the file', () => {
    const bad = [
      { type: 'twilio-messaging', from: 'Pantein', authToken: 'abc' }, // unknown key: secrets have no place here
      { type: 'twilio-messaging', from: 'Pantein', secretEnv: { authToken: '0123456789abcdef0123456789abcdef' } },
      { type: 'twilio-messaging', from: 'Pantein Ziekenhuis' }, // > 11 characters
      { type: 'twilio-messaging', from: '0612345678' },
      { type: 'twilio-messaging', from: 'Pantein', timeoutMs: 60_000 },
      { type: 'twilio-messaging', from: 'Pantein', baseUrl: 'ftp://x' },
      { type: 'twilio-messaging', from: 'Pantein', baseUrl: 'http://proxy.pantein.local:8080' }, // credentials in clear text
    ];
    for (const p of bad) {
      const e = errorOf(() => provider(p));
      expect(e).toBeInstanceOf(ConfigError);
      expect(e.message).not.toContain('0123456789abcdef'); // the offending value is never echoed
    }
  });
});

describe('readTwilioCredentials', () => {
  const names = DEFAULT_TWILIO_SECRET_ENV;

  it('Account SID + auth token from environment variables', () => {
    expect(readTwilioCredentials(names, { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN: 'tok' })).toEqual({ username: AC, password: 'tok', accountSid: AC, auth: 'auth-token' });
  });

  it('API key + secret (preferred when set) from *_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-twilio-'));
    writeFileSync(join(dir, 'secret'), 'key-secret\n');
    const env = { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN: 'tok', RESET_KIOSK_TWILIO_API_KEY_SID: SK, RESET_KIOSK_TWILIO_API_KEY_SECRET_FILE: join(dir, 'secret') };
    expect(readTwilioCredentials(names, env)).toEqual({ username: SK, password: 'key-secret', accountSid: AC, auth: 'api-key' });
  });

  it('custom variable names from the config', () => {
    const custom = { ...names, accountSid: 'SMS_SID', authToken: 'SMS_TOKEN' };
    expect(readTwilioCredentials(custom, { SMS_SID: AC, SMS_TOKEN: 't' })).toMatchObject({ username: AC, password: 't' });
  });

  it('missing or malformed: a ConfigError naming the variable, never the value', () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'set RESET_KIOSK_TWILIO_ACCOUNT_SID'],
      [{ RESET_KIOSK_TWILIO_ACCOUNT_SID: 'secret-looking-value' }, 'RESET_KIOSK_TWILIO_ACCOUNT_SID is not an Account SID'],
      [{ RESET_KIOSK_TWILIO_ACCOUNT_SID: AC }, 'set RESET_KIOSK_TWILIO_AUTH_TOKEN'],
      [{ RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_API_KEY_SID: SK }, 'set RESET_KIOSK_TWILIO_API_KEY_SECRET'],
      [{ RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_API_KEY_SID: 'secret-looking-value' }, 'is not an API key SID'],
      [{ RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN_FILE: '/nonexistent/rk-token' }, 'cannot read RESET_KIOSK_TWILIO_AUTH_TOKEN_FILE'],
    ];
    for (const [env, message] of cases) {
      const e = errorOf(() => readTwilioCredentials(names, env));
      expect(e).toBeInstanceOf(ConfigError);
      expect(e.message).toContain(message);
      expect(e.message).not.toContain('secret-looking-value');
    }
  });
});
